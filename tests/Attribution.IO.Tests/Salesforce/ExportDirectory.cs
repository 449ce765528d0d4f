namespace Attribution.IO.Tests.Salesforce;

/// <summary>A small, valid Salesforce export in a fresh directory; tests replace one file to break it.</summary>
internal sealed class ExportDirectory : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Minimal = new Dictionary<string, string>
    {
        ["Campaign"] = "Id,Name,Type,StartDate,EndDate\nK1,Spring Webinar,Webinar,2026-03-01,2026-03-01\nK2,Expo,Trade Show,,\n",
        ["CampaignMember"] = "CampaignId,ContactId,LeadId,Status,HasResponded,FirstRespondedDate,CreatedDate\n"
            + "K1,P1,,Responded,true,2026-03-01,2026-02-20T10:00:00.000+0000\n"
            + "K2,,L2,Attended,TRUE,,2026-03-05T08:00:00.000Z\n"
            + "K2,P1,,Sent,false,,2026-02-25T10:00:00.000+0000\n",
        ["Contact"] = "Id,AccountId\nP1,A1\n",
        ["Lead"] = "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,2026-02-01T09:30:00.000+0000,P1,A1\nL2,2026-03-05T08:00:00.000+0000,,\n",
        ["Opportunity"] = "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\nO1,A1,2026-03-10T12:00:00.000+0000,2026-04-01,true,true,1000\n",
        ["OpportunityContactRole"] = "OpportunityId,ContactId,Role,IsPrimary\nO1,P1,Decision Maker,true\n",
    };

    public ExportDirectory(params (string Object, string? Csv)[] overrides)
    {
        Path = Directory.CreateTempSubdirectory("attribution-salesforce-").FullName;
        foreach (var (name, csv) in Minimal)
        {
            Write(name, csv);
        }

        foreach (var (name, csv) in overrides)
        {
            var file = File(name);
            System.IO.File.Delete(file);
            if (csv is not null)
            {
                Write(name, csv);
            }
        }
    }

    public string Path { get; }

    public string File(string objectName) => System.IO.Path.Combine(Path, objectName + ".csv");

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Write(string objectName, string csv) => System.IO.File.WriteAllText(File(objectName), csv);
}
