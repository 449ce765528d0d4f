using Attribution.IO.Internal;
using Attribution.Journeys;
using Attribution.Reports;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads the three team files from CSV: campaign ownership, the team tree and targets (see <see cref="TeamStructure"/>).</summary>
/// <remarks>
/// <para>The first row is a header; columns are matched by name, ignoring case and surrounding white space, in any order.</para>
/// <list type="table">
/// <listheader><term>File</term><description>Columns</description></listheader>
/// <item><term>Ownership</term><description><c>campaign,team[,from,to]</c>: the team owns the campaign from <c>from</c>
/// (inclusive; empty: always before) to <c>to</c> (exclusive; empty: still owned). One campaign's periods must not overlap.</description></item>
/// <item><term>Tree</term><description><c>team,parent</c>: an empty parent makes a root. Every parent must be a team of
/// the file; a team is listed once; no cycles.</description></item>
/// <item><term>Targets</term><description><c>team,from,to,target</c>: the value the team is to deliver from <c>from</c>
/// (inclusive) to <c>to</c> (exclusive), a finite number &gt;= 0. One team's periods must not overlap.</description></item>
/// </list>
/// <para>Instants are ISO-8601 with <c>Z</c> or an offset (<c>2026-07-01T00:00:00Z</c>), or a date, meaning midnight
/// UTC (<c>2026-07-01</c>). Numbers use a dot as decimal separator. Campaign names follow the rule of every reader (see
/// <see cref="EventLogCsvReader"/>); team names are trimmed, hold no control character, and are not the team report's
/// built-in rows, <see cref="TeamReport.UnassignedKey"/> and <see cref="TeamReport.NoCampaignKey"/>.</para>
/// <para>Malformed rows throw an <see cref="AttributionDataException"/> naming the line and column, and rows that
/// contradict each other (overlapping periods, a cycle) one naming both lines or the teams; nothing is returned unless
/// the whole input is valid.</para>
/// </remarks>
/// <example>
/// <code>
/// var teams = new TeamStructure(
///     TeamCsvReader.ReadOwnership("teams.csv"),
///     TeamCsvReader.ReadTree("tree.csv"),
///     TeamCsvReader.ReadTargets("targets.csv"));
/// </code>
/// </example>
public static class TeamCsvReader
{
    private const string CampaignColumn = "campaign";
    private const string TeamColumn = "team";
    private const string ParentColumn = "parent";
    private const string FromColumn = "from";
    private const string ToColumn = "to";
    private const string TargetColumn = "target";

    /// <summary>Reads a campaign-ownership CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The ownership rows, in file order.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, a row is malformed,
    /// or two ownership periods of one campaign overlap.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CampaignOwnership> ReadOwnership(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadOwnership(stream, path);
    }

    /// <summary>Reads campaign-ownership CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The ownership rows, in input order.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, a row is
    /// malformed, or two ownership periods of one campaign overlap.</exception>
    public static IReadOnlyList<CampaignOwnership> ReadOwnership(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv => ParseOwnership(csv, source));
    }

    /// <summary>Reads a team-tree CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The teams, in file order.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, a row is malformed,
    /// a team is listed twice, a parent is not a team of the file, or the teams form a cycle.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<TeamNode> ReadTree(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadTree(stream, path);
    }

    /// <summary>Reads team-tree CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The teams, in input order.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, a row is
    /// malformed, a team is listed twice, a parent is not a team of the input, or the teams form a cycle.</exception>
    public static IReadOnlyList<TeamNode> ReadTree(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv => ParseTree(csv, source));
    }

    /// <summary>Reads a targets CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The targets, in file order.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, a row is malformed,
    /// or two target periods of one team overlap.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<TeamTarget> ReadTargets(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadTargets(stream, path);
    }

    /// <summary>Reads targets CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The targets, in input order.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, a row is
    /// malformed, or two target periods of one team overlap.</exception>
    public static IReadOnlyList<TeamTarget> ReadTargets(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv => ParseTargets(csv, source));
    }

    private static List<CampaignOwnership> ParseOwnership(CsvReader csv, string source)
    {
        const string required = $"{CampaignColumn} and {TeamColumn}";
        var headers = Header(csv, source, required);
        var campaign = Find(headers, CampaignColumn, source, required, true);
        var team = Find(headers, TeamColumn, source, required, true);
        var from = Find(headers, FromColumn, source, required, false);
        var to = Find(headers, ToColumn, source, required, false);
        var rows = new List<CampaignOwnership>();
        var lines = new List<long>();
        while (csv.Read())
        {
            var line = RowLine(csv, headers, source);
            var campaignName = Name(csv, campaign, CampaignColumn, source, line, reservedApplies: true)
                ?? throw new AttributionDataException(source, line, CampaignColumn, "is empty; every ownership row names a campaign");
            var teamName = Team(csv, team, source, line)
                ?? throw new AttributionDataException(source, line, TeamColumn, "is empty; every ownership row names the team that owns the campaign");
            var start = from >= 0 ? Instant(csv, from, FromColumn, source, line) : null;
            var end = to >= 0 ? Instant(csv, to, ToColumn, source, line) : null;
            if (start is { } s && end is { } e && e <= s)
            {
                throw new AttributionDataException(source, line, ToColumn, $"the ownership ends ({e:O}) no later than it starts ({s:O}); it must end after it starts");
            }

            rows.Add(new CampaignOwnership(campaignName, teamName, start, end));
            lines.Add(line);
        }

        TeamStructure.CheckOwnership(rows, i => $"line {lines[i]}", (i, message) => new AttributionDataException(source, lines[i], null, message));
        return rows;
    }

    private static List<TeamNode> ParseTree(CsvReader csv, string source)
    {
        const string required = $"{TeamColumn} and {ParentColumn}";
        var headers = Header(csv, source, required);
        var team = Find(headers, TeamColumn, source, required, true);
        var parent = Find(headers, ParentColumn, source, required, true);
        var rows = new List<TeamNode>();
        var lines = new List<long>();
        while (csv.Read())
        {
            var line = RowLine(csv, headers, source);
            var teamName = Team(csv, team, source, line)
                ?? throw new AttributionDataException(source, line, TeamColumn, "is empty; every row of the team tree names a team");
            rows.Add(new TeamNode(teamName, Team(csv, parent, source, line, ParentColumn)));
            lines.Add(line);
        }

        TeamStructure.CheckTree(rows, i => $"line {lines[i]}", (i, message) => new AttributionDataException(source, lines[i], null, message));
        return rows;
    }

    private static List<TeamTarget> ParseTargets(CsvReader csv, string source)
    {
        const string required = $"{TeamColumn}, {FromColumn}, {ToColumn} and {TargetColumn}";
        var headers = Header(csv, source, required);
        var team = Find(headers, TeamColumn, source, required, true);
        var from = Find(headers, FromColumn, source, required, true);
        var to = Find(headers, ToColumn, source, required, true);
        var target = Find(headers, TargetColumn, source, required, true);
        var rows = new List<TeamTarget>();
        var lines = new List<long>();
        while (csv.Read())
        {
            var line = RowLine(csv, headers, source);
            var teamName = Team(csv, team, source, line)
                ?? throw new AttributionDataException(source, line, TeamColumn, "is empty; every target names a team");
            var start = Instant(csv, from, FromColumn, source, line)
                ?? throw new AttributionDataException(source, line, FromColumn, "is empty; a target covers a period from one instant to another");
            var end = Instant(csv, to, ToColumn, source, line)
                ?? throw new AttributionDataException(source, line, ToColumn, "is empty; a target covers a period from one instant to another");
            if (end <= start)
            {
                throw new AttributionDataException(source, line, ToColumn, $"the target's period ends ({end:O}) no later than it starts ({start:O}); it must end after it starts");
            }

            var text = csv.GetSpan(target);
            var problem = CsvInput.ParseNonNegative(Names.Trim(text), out var value);
            if (problem != CsvInput.NumberProblem.None)
            {
                throw CsvInput.NumberError(problem, text, source, line, TargetColumn, "a target must be a finite number >= 0 such as 5000000");
            }

            rows.Add(new TeamTarget(teamName, start, end, value));
            lines.Add(line);
        }

        TeamStructure.CheckTargets(rows, i => $"line {lines[i]}", (i, message) => new AttributionDataException(source, lines[i], null, message));
        return rows;
    }

    private static string[] Header(CsvReader csv, string source, string required)
    {
        CsvInput.RequireHeader(csv.Headers, source, required);
        return [.. csv.Headers.Select(static h => h.Trim())];
    }

    private static long RowLine(CsvReader csv, string[] headers, string source)
    {
        var line = csv.LineNumber;
        if (csv.FieldCount != headers.Length)
        {
            throw CsvInput.FieldCountMismatch(source, line, csv.FieldCount, headers.Length);
        }

        return line;
    }

    private static int Find(string[] headers, string name, string source, string requiredColumns, bool required)
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
            CsvInput.Require(found, name, source, requiredColumns, headers);
        }

        return found;
    }

    /// <summary>A name under the rule of names, or <see langword="null"/> when the cell is blank.</summary>
    private static string? Name(CsvReader csv, int column, string name, string source, long line, bool reservedApplies)
    {
        var trimmed = Names.Trim(csv.GetSpan(column));
        if (trimmed.IsEmpty)
        {
            return null;
        }

        var text = CsvInput.Decode(trimmed, source, line, name);
        CsvInput.CheckName(trimmed, reservedApplies, source, line, name);
        return text;
    }

    /// <summary>A team under the rule of names that may not be a team report's built-in row, or <see langword="null"/> when blank.</summary>
    private static string? Team(CsvReader csv, int column, string source, long line, string name = TeamColumn)
    {
        var team = Name(csv, column, name, source, line, reservedApplies: false);
        if (team is TeamReport.UnassignedKey or TeamReport.NoCampaignKey)
        {
            throw new AttributionDataException(source, line, name, $"'{team}' is the key of a built-in row of the team report ({TeamReport.UnassignedKey}, {TeamReport.NoCampaignKey}); rename the team");
        }

        return team;
    }

    /// <summary>A period bound (<see cref="CsvInput.DateOrInstant"/>), or <see langword="null"/> when the cell is blank.</summary>
    private static DateTimeOffset? Instant(CsvReader csv, int column, string name, string source, long line)
    {
        var trimmed = Names.Trim(csv.GetSpan(column));
        return trimmed.IsEmpty ? null : CsvInput.DateOrInstant(trimmed, source, line, name);
    }
}
