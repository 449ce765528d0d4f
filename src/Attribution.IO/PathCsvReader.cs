using System.Text;
using Attribution.DataDriven;
using Attribution.IO.Internal;
using Attribution.Journeys;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads ChannelAttribution's aggregated path CSV — one row per distinct channel path with its counts — into a <see cref="PathSet"/>.</summary>
/// <remarks>
/// <para>The first row is a header. Columns are matched by name (see <see cref="PathCsvOptions"/>), ignoring case and
/// surrounding white space, in any order; columns with other names are ignored.</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Meaning</description></listheader>
/// <item><term><c>path</c></term><description>Required. The channels in order, joined by <c>&gt;</c> with or without
/// spaces around it: <c>search &gt; email &gt; direct</c>. At least one channel; no channel may be empty.</description></item>
/// <item><term><c>total_conversions</c></term><description>Required. How often the path converted: a finite number &gt;= 0
/// (fractions are allowed, for weighted data).</description></item>
/// <item><term><c>total_conversion_value</c></term><description>Optional. The total value of those conversions, a finite
/// number &gt;= 0; without the column every value is 0 (as ChannelAttribution does when it is given no value column).</description></item>
/// <item><term><c>total_null</c></term><description>Optional. How often the path ended without converting, a finite number
/// &gt;= 0; without the column every count is 0.</description></item>
/// </list>
/// <para>Channel names follow the rule of every reader (see <see cref="EventLogCsvReader"/>): trimmed, no control
/// character, not the key of a built-in row. Counts of <c>-0</c> are 0; a cell of white space is empty.</para>
/// <para>A row whose path repeats an earlier row's path adds its counts to it. Every malformed row is reported with an
/// <see cref="AttributionDataException"/> naming the line and column; nothing is returned unless the whole input is valid.</para>
/// </remarks>
/// <example>
/// <code>
/// PathSet paths = PathCsvReader.Read("paths.csv");
/// MarkovModel chain = MarkovChain.Fit(paths, new MarkovOptions { Order = 2 });
/// </code>
/// </example>
public static class PathCsvReader
{
    /// <summary>Reads a path CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The paths, in order of first appearance.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, or a row is malformed.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space, or the options are unusable.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PathSet Read(string path, PathCsvOptions? options = null)
    {
        using var stream = CsvInput.OpenRead(path);
        return Read(stream, options, path);
    }

    /// <summary>Reads path CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte order mark is allowed).</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="sourceName">The name errors give the input, such as a file name; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The paths, in order of first appearance.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, or a row is malformed.</exception>
    /// <exception cref="ArgumentException">The options are unusable: a bad delimiter, an empty separator or column name, or two columns with one name.</exception>
    public static PathSet Read(Stream stream, PathCsvOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new PathCsvOptions();
        Validate(options);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, options.Delimiter, source, new RowParser(source, options).Parse);
    }

    private static void Validate(PathCsvOptions options)
    {
        CsvInput.ValidateDelimiter(options.Delimiter, nameof(options));

        if (string.IsNullOrWhiteSpace(options.PathSeparator))
        {
            throw new ArgumentException("The path separator must not be empty or white space.", nameof(options));
        }

        string[] names = [options.PathColumn, options.ConversionsColumn, options.ValueColumn, options.NullsColumn];
        for (var i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new ArgumentException("Column names must not be empty or white space.", nameof(options));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(names[i].Trim(), names[j].Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"Two columns are both named '{names[i].Trim()}'.", nameof(options));
                }
            }
        }
    }

    /// <summary>The state of one read: the column positions, the builder and a reused buffer of channel ids.</summary>
    private sealed class RowParser(string sourceName, PathCsvOptions options)
    {
        private readonly PathSetBuilder builder = new();
        private readonly byte[] separator = Encoding.UTF8.GetBytes(options.PathSeparator.Trim());
        private readonly string pathName = options.PathColumn.Trim();
        private readonly string conversionsName = options.ConversionsColumn.Trim();
        private readonly string valueName = options.ValueColumn.Trim();
        private readonly string nullsName = options.NullsColumn.Trim();
        private readonly List<int> ids = [];
        private int pathColumn = -1;
        private int conversionsColumn = -1;
        private int valueColumn = -1;
        private int nullsColumn = -1;
        private int headerCount;

        // Per column, the sum of every row so far, which bounds every merged path's count.
        private readonly double[] totals = new double[3];

        public string SourceName { get; } = sourceName;

        public PathSet Parse(CsvReader csv)
        {
            ReadHeader(csv);
            while (csv.Read())
            {
                ReadRow(csv);
            }

            return builder.Build();
        }

        private void ReadHeader(CsvReader csv)
        {
            var names = csv.Headers;
            CsvInput.RequireHeader(names, SourceName, $"{pathName} and {conversionsName}");

            headerCount = names.Count;
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i].Trim();
                if (name.Equals(pathName, StringComparison.OrdinalIgnoreCase))
                {
                    CsvInput.Assign(ref pathColumn, i, name, SourceName);
                }
                else if (name.Equals(conversionsName, StringComparison.OrdinalIgnoreCase))
                {
                    CsvInput.Assign(ref conversionsColumn, i, name, SourceName);
                }
                else if (name.Equals(valueName, StringComparison.OrdinalIgnoreCase))
                {
                    CsvInput.Assign(ref valueColumn, i, name, SourceName);
                }
                else if (name.Equals(nullsName, StringComparison.OrdinalIgnoreCase))
                {
                    CsvInput.Assign(ref nullsColumn, i, name, SourceName);
                }
            }

            var required = $"{pathName} and {conversionsName} ({valueName} and {nullsName} are optional)";
            CsvInput.Require(pathColumn, pathName, SourceName, required, names);
            CsvInput.Require(conversionsColumn, conversionsName, SourceName, required, names);
        }

        private void ReadRow(CsvReader csv)
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != headerCount)
            {
                throw CsvInput.FieldCountMismatch(SourceName, line, csv.FieldCount, headerCount);
            }

            ReadPath(csv, line);
            var conversions = ReadCount(csv, conversionsColumn, conversionsName, line, ref totals[0]);
            var value = valueColumn >= 0 ? ReadCount(csv, valueColumn, valueName, line, ref totals[1]) : 0;
            var nulls = nullsColumn >= 0 ? ReadCount(csv, nullsColumn, nullsName, line, ref totals[2]) : 0;
            builder.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), conversions, value, nulls);
        }

        private void ReadPath(CsvReader csv, long line)
        {
            var text = csv.GetSpan(pathColumn);
            ids.Clear();
            if (text.IsBlank())
            {
                throw Error(line, pathName, "is empty; every row needs a path of at least one channel");
            }

            var rest = text;
            var step = 1;
            while (true)
            {
                var end = rest.IndexOf(separator);
                var channel = Names.Trim(end < 0 ? rest : rest[..end]);
                if (channel.IsEmpty)
                {
                    throw Error(line, pathName, $"{CsvInput.Quote(text)} has an empty channel at step {step}; channels are joined by '{options.PathSeparator.Trim()}'");
                }

                ids.Add(CsvInput.InternName(builder.Channels, channel, reservedApplies: true, SourceName, line, pathName));

                if (end < 0)
                {
                    return;
                }

                rest = rest[(end + separator.Length)..];
                step++;
            }
        }

        private double ReadCount(CsvReader csv, int column, string name, long line, ref double total)
        {
            var text = csv.GetSpan(column);
            if (text.IsBlank())
            {
                throw Error(line, name, "is empty; expected a finite number >= 0");
            }

            var problem = CsvInput.ParseNonNegative(text, out var count);
            if (problem != CsvInput.NumberProblem.None)
            {
                throw CsvInput.NumberError(problem, text, SourceName, line, name, "expected a finite number >= 0");
            }

            CsvInput.AddToTotal(ref total, count, text, SourceName, line, name);

            return count;
        }

        private AttributionDataException Error(long line, string? column, string detail)
            => new(SourceName, line, column, detail);
    }
}
