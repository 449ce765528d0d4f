namespace Attribution.IO.Tests.Salesforce;

public sealed class SalesforceExportErrorTests
{
    public static TheoryData<string, string> Fields => new()
    {
        { "Campaign", "Id" }, { "Campaign", "Name" }, { "Campaign", "Type" }, { "Campaign", "StartDate" }, { "Campaign", "EndDate" },
        { "CampaignMember", "CampaignId" }, { "CampaignMember", "ContactId" }, { "CampaignMember", "LeadId" }, { "CampaignMember", "Status" },
        { "CampaignMember", "HasResponded" }, { "CampaignMember", "FirstRespondedDate" }, { "CampaignMember", "CreatedDate" },
        { "Contact", "Id" }, { "Contact", "AccountId" },
        { "Lead", "Id" }, { "Lead", "CreatedDate" }, { "Lead", "ConvertedContactId" }, { "Lead", "ConvertedAccountId" },
        { "Opportunity", "Id" }, { "Opportunity", "AccountId" }, { "Opportunity", "CreatedDate" }, { "Opportunity", "CloseDate" },
        { "Opportunity", "IsWon" }, { "Opportunity", "IsClosed" }, { "Opportunity", "Amount" },
        { "OpportunityContactRole", "OpportunityId" }, { "OpportunityContactRole", "ContactId" }, { "OpportunityContactRole", "Role" },
        { "OpportunityContactRole", "IsPrimary" },
    };

    public static TheoryData<string> Objects => new() { "Campaign", "CampaignMember", "Contact", "Lead", "Opportunity", "OpportunityContactRole" };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Read_MissingFile_NamesTheObjectAndTheFile(string objectName)
    {
        using var export = new ExportDirectory((objectName, null));

        var error = Error(export);

        error.Message.Should().Contain($"no file for the object {objectName}: expected {objectName}.csv");
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Read_MissingField_NamesTheObjectAndTheField(string objectName, string field)
    {
        // The minimal file with the field's header cell renamed.
        var lines = ExportDirectory.Minimal[objectName].Split('\n');
        lines[0] = string.Join(",", lines[0].Split(',').Select(h => h == field ? "Other" : h));
        using var export = new ExportDirectory((objectName, string.Join("\n", lines)));

        var error = Error(export);

        error.SourceName.Should().Be(export.File(objectName));
        error.Line.Should().Be(1);
        error.Column.Should().Be(field);
        error.Message.Should().Contain($"the header has no '{field}' column; the Salesforce object {objectName} needs the fields");
    }

    [Theory]
    [InlineData("Lead", "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,2026-02-01T09:30:00.000,P1,A1\nL2,2026-03-05,,\n", 2, "CreatedDate", "'2026-02-01T09:30:00.000' has a time but no UTC offset")]
    [InlineData("Lead", "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,2026-02-01,P1,A1\nL2,03/05/2026,,\n", 3, "CreatedDate", "'03/05/2026' is not a date")]
    [InlineData("Lead", "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,,P1,A1\nL2,2026-03-05,,\n", 2, "CreatedDate", "is empty; expected a Salesforce date")]
    [InlineData("Lead", "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,2026-02-30,P1,A1\nL2,2026-03-05,,\n", 2, "CreatedDate", "'2026-02-30' is not a date")]
    [InlineData("Campaign", "Id,Name,Type,StartDate,EndDate\nK1,W,Webinar,2026-03-01,soon\nK2,Expo,Trade Show,,\n", 2, "EndDate", "'soon' is not a date")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,P1,,Responded,yes,,2026-02-20\n", 2, "HasResponded", "'yes' is not true or false")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,P1,,Responded,,,2026-02-20\n", 2, "HasResponded", "is empty; expected true or false")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK9,P1,,Responded,true,,2026-02-20\n", 2, "CampaignId", "'K9' is not the Id of any row of")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,,,Responded,true,,2026-02-20\n", 2, "ContactId", "and LeadId are both empty")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,,L9,Responded,true,,2026-02-20\n", 2, "LeadId", "'L9' is not the Id of any row of")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,P1,,Responded,true,,\n", 2, "CreatedDate", "is empty")]
    [InlineData("CampaignMember", "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\nK1,P1,,Sent,false,2026-13-01,2026-02-20\n", 2, "FirstRespondedDate", "'2026-13-01' is not a date")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,,2026-03-10,2026-04-01,true,true,1000\n", 2, "AccountId", "is empty; the conversions of opportunity 'O1' belong to its account's journey")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10,2026-04-01,true,false,1000\n", 2, "IsWon", "is true but IsClosed is false")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10,,true,true,1000\n", 2, "CloseDate", "is empty")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10,2026-04-01,true,true,\"1,000\"\n", 2, "Amount", "'1,000' is not a number")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10,2026-04-01,true,true,-5\n", 2, "Amount", "'-5' is negative")]
    [InlineData("Opportunity", "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10,2026-04-01,true,true,1\nO1,A1,2026-03-11,,false,false,2\n", 3, "Id", "'O1' is repeated; it is also the Id on line 2")]
    [InlineData("Contact", "Id,AccountId\nP1,A1\n,A2\n", 3, "Id", "is empty; every Contact has an Id")]
    [InlineData("OpportunityContactRole", "OpportunityId,ContactId,Role,IsPrimary\nO9,P1,Decision Maker,true\n", 2, "OpportunityId", "'O9' is not the Id of any opportunity")]
    [InlineData("OpportunityContactRole", "OpportunityId,ContactId,Role,IsPrimary\nO1,,Decision Maker,true\n", 2, "ContactId", "is empty")]
    [InlineData("OpportunityContactRole", "OpportunityId,ContactId,Role,IsPrimary\nO1,P1,Decision Maker,1\n", 2, "IsPrimary", "'1' is not true or false")]
    public void Read_MalformedValue_NamesFileLineAndField(string objectName, string csv, long line, string field, string detail)
    {
        using var export = new ExportDirectory((objectName, csv));

        var error = Error(export);

        error.SourceName.Should().Be(export.File(objectName));
        error.Line.Should().Be(line);
        error.Column.Should().Be(field);
        error.Message.Should().Contain(detail);
    }

    [Fact]
    public void Read_RespondedMemberOfCampaignWithoutType_NamesTheCampaignRow()
    {
        using var export = new ExportDirectory(("Campaign", "Id,Name,Type,StartDate,EndDate\nK1,Spring Webinar,,,\nK2,Expo,Trade Show,,\n"));

        var error = Error(export);

        // K1 is on line 2 of Campaign.csv; its responded member is on line 2 of CampaignMember.csv.
        error.SourceName.Should().Be(export.File("Campaign"));
        error.Line.Should().Be(2);
        error.Column.Should().Be("Type");
        error.Message.Should().Contain("is empty; the type of campaign 'K1' is the channel of its members' touches").And.Contain("CampaignMember.csv:2");
    }

    [Fact]
    public void Read_CampaignWithoutTypeAndNoRespondedMember_IsFine()
    {
        using var export = new ExportDirectory(("Campaign", "Id,Name,Type,StartDate,EndDate\nK1,Spring Webinar,Webinar,,\nK2,Expo,Trade Show,,\nK3,Draft,,,\n"));

        SalesforceExport.Read(export.Path).Events.Should().HaveCount(6);
    }

    [Fact]
    public void Read_RowWithTooFewFields_NamesTheLine()
    {
        using var export = new ExportDirectory(("Contact", "Id,AccountId\nP1,A1\nP2\n"));

        var error = Error(export);

        error.Line.Should().Be(3);
        error.Message.Should().Contain("the row has 1 fields but the header has 2");
    }

    [Fact]
    public void Read_EmptyFile_SaysWhichFieldsItNeeds()
    {
        using var export = new ExportDirectory(("Contact", ""));

        Error(export).Message.Should().Contain("Contact.csv:1: the input is empty; expected a header row naming the columns Id, AccountId (the fields of Contact");
    }

    private static AttributionDataException Error(ExportDirectory export)
        => FluentActions.Invoking(() => SalesforceExport.Read(export.Path)).Should().Throw<AttributionDataException>().Which;
}
