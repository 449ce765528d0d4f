using System.Globalization;
using Attribution.IO.Internal;
using Attribution.Journeys;
using Attribution.Reports;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads spend — what was paid per channel, campaign and day — from CSV into a <see cref="SpendTable"/>.</summary>
/// <remarks>
/// <para>The first row is a header; columns are matched by name, ignoring case and surrounding white space, in any order.</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Meaning</description></listheader>
/// <item><term><c>channel</c></term><description>Required, non-empty.</description></item>
/// <item><term><c>cost</c></term><description>Required. A finite number &gt;= 0 with a dot as decimal separator.</description></item>
/// <item><term><c>campaign</c></term><description>Optional. Empty means the spend belongs to the channel as a whole.</description></item>
/// <item><term><c>date</c></term><description>Optional. An ISO date such as <c>2026-03-01</c>, or empty.</description></item>
/// <item><term><c>currency</c></term><description>Optional. One currency per file: every non-empty value must be the same, and equal
/// <see cref="SpendCsvOptions.Currency"/> when that is set.</description></item>
/// </list>
/// <para>Channel and campaign names follow the rule of every reader (see <see cref="EventLogCsvReader"/>): trimmed, no
/// control character, and not the key of a built-in row, so spend on a campaign called <c>(none)</c> is an error rather
/// than lost. A cost of <c>-0</c> is 0.</para>
/// <para>Malformed rows throw an <see cref="AttributionDataException"/> naming the line and column; nothing is returned unless the whole input is valid.</para>
/// </remarks>
/// <example>
/// <code>
/// SpendTable spend = SpendCsvReader.Read("spend.csv", new SpendCsvOptions { Currency = "EUR" });
/// var rows = ReturnOnSpend.ByChannel(report["linear"], spend);
/// </code>
/// </example>
public static class SpendCsvReader
{
    private const string ChannelColumn = "channel";
    private const string CampaignColumn = "campaign";
    private const string DateColumn = "date";
    private const string CostColumn = "cost";
    private const string CurrencyColumn = "currency";
    private const string RequiredColumns = $"{ChannelColumn} and {CostColumn}";

    /// <summary>Reads a spend CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The spend.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, or a row is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SpendTable Read(string path, SpendCsvOptions? options = null)
    {
        using var stream = CsvInput.OpenRead(path);
        return Read(stream, options, path);
    }

    /// <summary>Reads spend CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The spend.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, or a row is malformed.</exception>
    public static SpendTable Read(Stream stream, SpendCsvOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new SpendCsvOptions();
        CsvInput.ValidateDelimiter(options.Delimiter, nameof(options));
        var source = sourceName ?? CsvInput.StreamSourceName;
        var currency = options.Currency;
        return CsvInput.Parse(stream, options.Delimiter, source, csv => Parse(csv, source, currency));
    }

    private static SpendTable Parse(CsvReader csv, string source, string? currency)
    {
        CsvInput.RequireHeader(csv.Headers, source, RequiredColumns);
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();

        var channel = Find(headers, ChannelColumn, source, required: true);
        var cost = Find(headers, CostColumn, source, required: true);
        var campaign = Find(headers, CampaignColumn, source, required: false);
        var date = Find(headers, DateColumn, source, required: false);
        var currencyColumn = Find(headers, CurrencyColumn, source, required: false);
        currency = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim();

        var lines = new List<SpendLine>();
        var total = 0.0;
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != headers.Length)
            {
                throw CsvInput.FieldCountMismatch(source, line, csv.FieldCount, headers.Length);
            }

            var channelText = Name(csv, channel, ChannelColumn, source, line);
            if (channelText is null)
            {
                throw new AttributionDataException(source, line, ChannelColumn, "is empty; every spend row needs a channel");
            }

            var costText = csv.GetSpan(cost);
            var problem = CsvInput.ParseNonNegative(costText, out var amount);
            if (problem != CsvInput.NumberProblem.None)
            {
                throw CsvInput.NumberError(problem, costText, source, line, CostColumn, "a cost must be a finite number >= 0 such as 120.50");
            }

            CsvInput.AddToTotal(ref total, amount, costText, source, line, CostColumn);

            DateOnly? day = null;
            if (date >= 0)
            {
                var dateText = Text(csv, date, source);
                if (dateText.Length > 0)
                {
                    if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        throw new AttributionDataException(source, line, DateColumn, $"'{dateText}' is not an ISO date such as 2026-03-01");
                    }

                    day = parsed;
                }
            }

            if (currencyColumn >= 0)
            {
                var code = Text(csv, currencyColumn, source);
                if (code.Length > 0)
                {
                    if (currency is null)
                    {
                        currency = code;
                    }
                    else if (!string.Equals(code, currency, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new AttributionDataException(source, line, CurrencyColumn, $"'{code}' differs from the file's currency '{currency}'; a spend file holds one currency");
                    }
                }
            }

            lines.Add(new SpendLine(channelText, campaign >= 0 ? Name(csv, campaign, CampaignColumn, source, line) : null, day, amount));
        }

        return new SpendTable(lines, currency);
    }

    private static int Find(string[] headers, string name, string source, bool required)
    {
        var found = -1;
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                CsvInput.Assign(ref found, i, name, source);
            }
        }

        if (required)
        {
            CsvInput.Require(found, name, source, RequiredColumns, headers);
        }

        return found;
    }

    /// <summary>A channel or campaign under the rule of names, or <see langword="null"/> when the cell is blank.</summary>
    private static string? Name(CsvReader csv, int column, string name, string source, long line)
    {
        var trimmed = Names.Trim(csv.GetSpan(column));
        if (trimmed.IsEmpty)
        {
            return null;
        }

        var text = CsvInput.Decode(trimmed, source, line, name);
        CsvInput.CheckName(trimmed, reservedApplies: true, source, line, name);
        return text;
    }

    private static string Text(CsvReader csv, int column, string source)
        => CsvInput.Decode(csv.GetSpan(column), source, csv, csv.Headers[column].Trim()).Trim();
}
