using System.Globalization;
using System.Text;
using Attribution.IO.Internal;
using CsCheck;

namespace Attribution.IO.Tests.Internal;

public sealed class Iso8601Tests
{
    [Theory]
    [InlineData("2026-03-01T09:30:00Z", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01T11:30:00+02:00", 2026, 3, 1, 11, 30, 0, 0, 120)]
    [InlineData("2026-03-01T04:30:00-05:00", 2026, 3, 1, 4, 30, 0, 0, -300)]
    [InlineData("2026-03-01T09:30:00.5Z", 2026, 3, 1, 9, 30, 0, 5_000_000, 0)]
    [InlineData("2026-03-01T09:30:00.1234567+05:45", 2026, 3, 1, 9, 30, 0, 1_234_567, 345)]
    [InlineData("2024-02-29T23:59:59Z", 2024, 2, 29, 23, 59, 59, 0, 0)]
    [InlineData("2026-03-01T09:30Z", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01T09:30:00+14:00", 2026, 3, 1, 9, 30, 0, 0, 840)]
    public void TryParse_IsoWithOffset_GivesThatInstant(string text, int y, int mo, int d, int h, int mi, int s, long ticks, int offsetMinutes)
    {
        var expected = new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks);

        Iso8601.TryParse(Encoding.UTF8.GetBytes(text), out var value).Should().Be(Iso8601.Failure.None);

        value.Should().Be(expected);
        value.Offset.Should().Be(expected.Offset);
    }

    [Theory]
    [InlineData("2026-03-01T09:30:00")]
    [InlineData("2026-03-01T09:30:00.25")]
    [InlineData("2026-03-01T09:30")]
    public void TryParse_NoOffset_SaysSo(string text) =>
        Iso8601.TryParse(Encoding.UTF8.GetBytes(text), out _).Should().Be(Iso8601.Failure.NoOffset);

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-29T09:30:00Z")]
    [InlineData("2026-13-01T09:30:00Z")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-03-01T09:60:00Z")]
    [InlineData("2026-03-01T09:30:00.12345678Z")]
    [InlineData("2026-03-01T09:30:00+15:00")]
    [InlineData("2026-03-01 09:30:00Z")]
    [InlineData("2026-03-01T09:30:00ZZ")]
    [InlineData("2026-03-01T09:30:00 Z")]
    [InlineData("20260301T093000Z")]
    [InlineData("２０２６-03-01T09:30:00Z")]
    public void TryParse_NotAnIsoInstant_IsMalformed(string text) =>
        Iso8601.TryParse(Encoding.UTF8.GetBytes(text), out _).Should().Be(Iso8601.Failure.Malformed);

    [Fact]
    public void TryParse_AgreesWithTheFrameworksExactParser()
    {
        // The byte-level fast path must accept exactly what DateTimeOffset.TryParseExact accepts, with the same instant.
        var text =
            from year in Gen.Int[1, 9999]
            from month in Gen.Int[0, 13]
            from day in Gen.Int[0, 32]
            from hour in Gen.Int[0, 25]
            from minute in Gen.Int[0, 61]
            from second in Gen.Int[0, 61]
            from fraction in Gen.String[Gen.Char['0', '9'], 0, 9]
            from offset in Gen.OneOf("Z", "+00:00", "+02:00", "-05:30", "+14:00", "-14:00", "+14:30", "+15:00", "-00:60", "z")
            select string.Create(
                CultureInfo.InvariantCulture,
                $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{(fraction.Length > 0 ? "." + fraction : string.Empty)}{offset}");

        text.Sample(
            t =>
            {
                var oracle = DateTimeOffset.TryParseExact(t, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected)
                    && (t.EndsWith('Z') || t[^6] is '+' or '-');
                var status = Iso8601.TryParse(Encoding.UTF8.GetBytes(t), out var actual);

                (status == Iso8601.Failure.None).Should().Be(oracle, t);
                if (oracle)
                {
                    actual.Should().Be(expected, t);
                    actual.Offset.Should().Be(expected.Offset, t);
                }
            },
            iter: 20_000);
    }
}
