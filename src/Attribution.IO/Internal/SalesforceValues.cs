using System.Globalization;

namespace Attribution.IO.Internal;

/// <summary>The object names of the export.</summary>
internal static class SalesforceObjects
{
    public const string Campaign = "Campaign";
    public const string CampaignMember = "CampaignMember";
    public const string Contact = "Contact";
    public const string Lead = "Lead";
    public const string Opportunity = "Opportunity";
    public const string OpportunityContactRole = "OpportunityContactRole";

    public static readonly string[] All = [Campaign, CampaignMember, Contact, Lead, Opportunity, OpportunityContactRole];
}

/// <summary>How Salesforce writes dates, date-times, booleans and currency amounts in its CSV exports.</summary>
internal static class SalesforceValues
{
    // A Date field is written 2026-03-01; a DateTime field 2026-03-01T09:30:00.000+0000 by the API, with Z by some tools,
    // and with the offset's colon by others. The fraction is optional in all of them.
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private const string Expected = "expected a Salesforce date such as 2026-03-01 or date-time such as 2026-03-01T09:30:00.000+0000";

    /// <summary>Reads a date (midnight UTC) or a date-time with its offset as written.</summary>
    public static DateTimeOffset ReadInstant(SalesforceTable table, int row, int field)
    {
        var text = table.Get(row, field);
        if (text.Length == 0)
        {
            throw table.Error(row, field, $"is empty; {Expected}");
        }

        if (TryParseInstant(text, out var instant, out var noOffset))
        {
            return instant;
        }

        throw table.Error(row, field, noOffset
            ? $"'{text}' has a time but no UTC offset; {Expected}"
            : $"'{text}' is not a date; {Expected}");
    }

    /// <summary>Parses a Salesforce date or date-time; <paramref name="noOffset"/> tells a date-time without an offset from garbage.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant, out bool noOffset)
    {
        noOffset = false;
        if (text.Length == 10)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return true;
            }

            instant = default;
            return false;
        }

        // "+0000" is not a .NET offset; with the colon put in, "zzz" reads it.
        var normalized = text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit)
            ? string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2))
            : text;
        if (DateTimeOffset.TryParseExact(normalized, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            && (normalized.EndsWith('Z') || normalized.Length > 6 && normalized[^6] is '+' or '-'))
        {
            return true;
        }

        noOffset = DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        instant = default;
        return false;
    }

    /// <summary>Reads a checkbox: <c>true</c> or <c>false</c>, ignoring case.</summary>
    public static bool ReadBoolean(SalesforceTable table, int row, int field)
    {
        var text = table.Get(row, field);
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw table.Error(row, field, text.Length == 0 ? "is empty; expected true or false" : $"'{text}' is not true or false");
    }

    /// <summary>Reads a currency amount: a finite number &gt;= 0 with a dot, or <see langword="null"/> when blank.</summary>
    public static double? ReadAmount(SalesforceTable table, int row, int field)
    {
        var text = table.Get(row, field);
        if (text.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            throw table.Error(row, field, $"'{text}' is not a number; an amount is a finite number >= 0 with a dot, such as 12500.00");
        }

        if (amount < 0)
        {
            throw table.Error(row, field, $"'{text}' is negative; an amount is a finite number >= 0");
        }

        return amount + 0.0;
    }
}
