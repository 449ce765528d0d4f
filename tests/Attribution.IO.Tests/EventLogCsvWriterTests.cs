namespace Attribution.IO.Tests;

public sealed class EventLogCsvWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Write_TouchAndConversion_FillTheirColumns()
    {
        var text = new StringWriter();

        EventLogCsvWriter.Write(text, [
            EventLogRow.Touch("p,1", Noon, "Trade Show", "Expo \"26\"", "offline", "Attended"),
            EventLogRow.Conversion("a1", Noon.AddTicks(2_500_000), "order", 0.1, "o1"),
            EventLogRow.Touch("p2", Noon, "email")]);

        // Noon at +02:00 is 10:00Z; 0.25 s later is written with its fraction. Fields with a comma or quote are quoted.
        text.ToString().Should().Be(
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status\n"
            + "\"p,1\",2026-03-01T10:00:00Z,Trade Show,\"Expo \"\"26\"\"\",,,,offline,Attended\n"
            + "a1,2026-03-01T10:00:00.25Z,,,order,0.1,o1,,\n"
            + "p2,2026-03-01T10:00:00Z,email,,,,,,\n");
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameJourneys()
    {
        var text = new StringWriter();
        EventLogCsvWriter.Write(text, [
            EventLogRow.Touch("p,1", Noon, "Trade Show", "Expo \"26\"", "offline", "Attended"),
            EventLogRow.Conversion("p,1", Noon.AddDays(1), "order", 0.1, "o1")]);

        var journey = EventLogCsvReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), null, "events.csv").GetJourney(0);

        journey.Id.Should().Be("p,1");
        // The reader takes the touch type back (issue 10 §2); the status only decides whether the touch counts.
        journey.Touchpoints.Should().Equal(new Journeys.Touchpoint(Noon, "Trade Show", "Expo \"26\"", "offline"));
        journey.Conversions.Should().Equal(new Journeys.Conversion(Noon.AddDays(1), 0.1, "order", "o1"));
    }

    [Fact]
    public void Rows_RejectWhatTheLogCannotHold()
    {
        FluentActions.Invoking(() => EventLogRow.Touch(" ", Noon, "email")).Should().Throw<ArgumentException>().WithParameterName("journeyId");
        FluentActions.Invoking(() => EventLogRow.Touch("p", Noon, "")).Should().Throw<ArgumentException>().WithParameterName("channel");
        FluentActions.Invoking(() => EventLogRow.Conversion("p", Noon, "")).Should().Throw<ArgumentException>().WithParameterName("kind");
        FluentActions.Invoking(() => EventLogRow.Conversion("p", Noon, "order", -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
        FluentActions.Invoking(() => EventLogRow.Conversion("p", Noon, "order", double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
        FluentActions.Invoking(() => EventLogCsvWriter.Write(new StringWriter(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("rows");
    }

    [Fact]
    public void AccountWriter_WritesMappingAndRoles()
    {
        var mapping = new StringWriter();
        AccountCsvWriter.WriteMapping(mapping, [new PersonAccount("p1", "a1"), new PersonAccount("p,2", "a2")]);
        var roles = new StringWriter();
        AccountCsvWriter.WriteContactRoles(roles, [new ContactRole("o1", "p1", "Decision Maker", true), new ContactRole("o1", "p,2", null, false)]);

        mapping.ToString().Should().Be("person_id,account_id\np1,a1\n\"p,2\",a2\n");
        roles.ToString().Should().Be("conversion_id,person_id,role,primary\no1,p1,Decision Maker,true\no1,\"p,2\",,false\n");
    }
}
