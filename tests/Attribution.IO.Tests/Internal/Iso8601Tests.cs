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
    [InlineData("2026-03-01 09:30:00Z", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01 09:30+02:00", 2026, 3, 1, 9, 30, 0, 0, 120)]
    [InlineData("2026-03-01T09:30:00+0000", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01T09:30:00.000+0000", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01T09:30:00-0530", 2026, 3, 1, 9, 30, 0, 0, -330)]
    [InlineData("2026-03-01T09:30:00+00", 2026, 3, 1, 9, 30, 0, 0, 0)]
    [InlineData("2026-03-01T09:30:00-03", 2026, 3, 1, 9, 30, 0, 0, -180)]
    // 8 and 9 fractional digits round half up to the tick (100 ns): .12345674|9 → 1 234 567, .12345675 → 1 234 568.
    [InlineData("2026-03-01T09:30:00.123456749Z", 2026, 3, 1, 9, 30, 0, 1_234_567, 0)]
    [InlineData("2026-03-01T09:30:00.12345675Z", 2026, 3, 1, 9, 30, 0, 1_234_568, 0)]
    // .99999995 s rounds up to a whole second, which carries into the next day.
    [InlineData("2026-03-01T23:59:59.99999995Z", 2026, 3, 2, 0, 0, 0, 0, 0)]
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
    [InlineData("2026-03-01T09:30:00.1234567891Z")]
    [InlineData("2026-03-01T09:30:00.Z")]
    [InlineData("2026-03-01T09:30:00+15:00")]
    [InlineData("2026-03-01T09:30:00+1500")]
    [InlineData("2026-03-01T09:30:00+1")]
    [InlineData("2026-03-01T09:30:00+123")]
    [InlineData("2026-03-01T09:30:00+05:3")]
    [InlineData("2026-03-01  09:30:00Z")]
    [InlineData("2026-03-01t09:30:00Z")]
    [InlineData("2026-03-01T09:30:00ZZ")]
    [InlineData("2026-03-01T09:30:00 Z")]
    [InlineData("20260301T093000Z")]
    [InlineData("２０２６-03-01T09:30:00Z")]
    public void TryParse_NotAnIsoInstant_IsMalformed(string text) =>
        Iso8601.TryParse(Encoding.UTF8.GetBytes(text), out _).Should().Be(Iso8601.Failure.Malformed);

    [Fact]
    public void TryParse_OutOfRangeOnceTheOffsetOrRoundingApplies_SaysSo()
    {
        Iso8601.TryParse(Encoding.UTF8.GetBytes("0001-01-01T00:00:00+01"), out _).Should().Be(Iso8601.Failure.OutOfRange);
        Iso8601.TryParse(Encoding.UTF8.GetBytes("9999-12-31T23:59:59.99999999Z"), out _).Should().Be(Iso8601.Failure.OutOfRange);
    }

    [Fact]
    public void TryParse_AgreesWithTheFrameworksExactParser()
    {
        // Every shape the reader accepts, checked against DateTimeOffset.TryParseExact on the canonical form: the
        // separator made 'T', the offset made ±hh:mm, and a fraction past 7 digits cut to 7 plus one tick when its 8th
        // digit is 5 or more.
        var text =
            from year in Gen.Int[1, 9999]
            from month in Gen.Int[0, 13]
            from day in Gen.Int[0, 32]
            from hour in Gen.Int[0, 25]
            from minute in Gen.Int[0, 61]
            from second in Gen.Int[0, 61]
            from separator in Gen.OneOf("T", " ")
            from fraction in Gen.String[Gen.Char['0', '9'], 0, 10]
            from offset in Gen.OneOf("Z", "+00:00", "+02:00", "-05:30", "+14:00", "-14:00", "+14:30", "+15:00", "-00:60", "z", "+0000", "-0530", "+02", "-14", "+15", "+1")
            select string.Create(
                CultureInfo.InvariantCulture,
                $"{year:0000}-{month:00}-{day:00}{separator}{hour:00}:{minute:00}:{second:00}{(fraction.Length > 0 ? "." + fraction : string.Empty)}{offset}");

        text.Sample(
            t =>
            {
                var (expected, oracle) = Canonical(t);
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

    private static (DateTimeOffset Value, bool Valid) Canonical(string t)
    {
        var offsetStart = t.EndsWith('Z') ? t.Length - 1 : Math.Max(t.LastIndexOf('+'), t.LastIndexOf('-'));
        if (offsetStart < 16)
        {
            return (default, false);
        }

        var offset = t[offsetStart..];
        offset = offset.Length switch
        {
            3 => offset + ":00",
            5 => offset[..3] + ":" + offset[3..],
            _ => offset,
        };
        var local = t[..offsetStart].Replace(' ', 'T');
        var roundUp = false;
        var dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && local.Length - dot - 1 > 9)
        {
            return (default, false);
        }

        if (dot > 0 && local.Length - dot - 1 > 7)
        {
            roundUp = local[dot + 8] >= '5';
            local = local[..(dot + 8)];
        }

        if (!DateTimeOffset.TryParseExact(local + offset, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !(offset == "Z" || offset[0] is '+' or '-'))
        {
            return (default, false);
        }

        if (roundUp)
        {
            if (value.UtcTicks == DateTime.MaxValue.Ticks || value.Ticks == DateTime.MaxValue.Ticks)
            {
                return (default, false);
            }

            value = value.AddTicks(1);
        }

        return (value, true);
    }
}
