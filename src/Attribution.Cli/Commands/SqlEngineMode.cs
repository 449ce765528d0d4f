using System.CommandLine;
using System.Data.Common;
using Attribution.Cli.Output;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;
using Attribution.Sql;

namespace Attribution.Cli.Commands;

/// <summary>How <c>attribute</c> runs inside a SQL engine instead of in process: <c>--engine duckdb</c> over CSV or Parquet
/// files (a Parquet input always), or <c>--input postgres://…</c> with <c>--table</c>. Only totals come back.</summary>
internal sealed class SqlEngineMode(Func<ParseResult, (ReportGrouping Grouping, Action<CreditReport> Write)> prepare)
{
    public Option<string?> Engine { get; } = new("--engine")
    {
        Description = "Where the rule-based models run: in-process (the default; the whole input in memory) or duckdb (an embedded DuckDB over the CSV, Parquet or glob of files, spilling to disk beyond --memory-limit). A .parquet input and a postgres:// input always run in their SQL engine.",
        HelpName = "in-process|duckdb",
    };

    public Option<string?> MemoryLimit { get; } = new("--memory-limit")
    {
        Description = "With --engine duckdb: the memory DuckDB may use before it spills to disk, for example 500MB or 2GB.",
        HelpName = "SIZE",
    };

    public Option<string?> Table { get; } = new("--table")
    {
        Description = "With --input postgres://user@host/db: the table (or view) holding the event-log columns.",
        HelpName = "NAME",
    };

    public Option<string?> OrderColumn { get; } = new("--order-column")
    {
        Description = "With --table: a column whose order is the rows' input order, to break ties at one instant as the in-process engine does.",
        HelpName = "COLUMN",
    };

    public Option<string?> InputFormat { get; } = new("--input-format")
    {
        Description = "What --input holds: event-log (the default) or ga4 (GA4's BigQuery export as Parquet: session starts are touches on GA4's default channel grouping, --conversion-events are conversions); ga4 runs in DuckDB.",
        HelpName = "event-log|ga4",
    };

    public Option<string[]> ConversionEvents { get; } = new("--conversion-events")
    {
        Description = "With --input-format ga4: the GA4 events that are conversions, each its own kind (default purchase).",
        HelpName = "EVENT,...",
    };

    public IEnumerable<Option> Options => [Engine, MemoryLimit, Table, OrderColumn, InputFormat, ConversionEvents];

    /// <summary>Gets whether the command runs in a SQL engine, checking that the options agree with each other.</summary>
    public bool Selected(ParseResult parseResult, string? input)
    {
        var engine = parseResult.GetValue(Engine)?.Trim().ToLowerInvariant();
        if (engine is not (null or "in-process" or "duckdb"))
        {
            throw CliException.Usage($"--engine: '{parseResult.GetValue(Engine)}' is not an engine; use in-process or duckdb.");
        }

        var ga4 = parseResult.GetValue(InputFormat)?.Trim().ToLowerInvariant() switch
        {
            null or "event-log" => false,
            "ga4" => true,
            _ => throw CliException.Usage($"--input-format: '{parseResult.GetValue(InputFormat)}' is not a format; use event-log or ga4."),
        };
        if (!ga4 && (parseResult.GetValue(ConversionEvents) ?? []).Length > 0)
        {
            throw CliException.Usage("--conversion-events applies to --input-format ga4; an event log names its conversions in its conversion column.");
        }

        var postgres = input is not null && SqlConnections.IsPostgresAddress(input);
        if (ga4 && (postgres || engine == "in-process"))
        {
            throw CliException.Usage("--input-format ga4 reads GA4's Parquet export through DuckDB; give the Parquet file (or a glob) and leave out --engine in-process.");
        }

        var parquet = input is not null && !postgres && input.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        if (postgres && engine is not null)
        {
            throw CliException.Usage("--engine: a postgres:// input runs in PostgreSQL; leave out --engine.");
        }

        if (parquet && engine == "in-process")
        {
            throw CliException.Usage("--engine in-process: Parquet is read through DuckDB; use --engine duckdb (or a CSV input).");
        }

        var selected = postgres || parquet || ga4 || engine == "duckdb";
        if (parseResult.GetValue(MemoryLimit) is not null && (postgres || !selected))
        {
            throw CliException.Usage("--memory-limit applies to --engine duckdb.");
        }

        if (!postgres && (parseResult.GetValue(Table) is not null || parseResult.GetValue(OrderColumn) is not null))
        {
            throw CliException.Usage("--table and --order-column apply to --input postgres://….");
        }

        if (postgres && parseResult.GetValue(Table) is null)
        {
            throw CliException.Usage("--input postgres://…: name the event table with --table NAME.");
        }

        return selected;
    }

    /// <summary>Runs every model as one query each and writes the totals, as report blocks, where the command's report goes.</summary>
    public void Run(ParseResult parseResult, string input, IReadOnlyList<ModelDefinition> definitions, EligibilitySettings eligible, CliContext context)
    {
        var (grouping, write) = prepare(parseResult);
        foreach (var definition in definitions)
        {
            if (definition.IsDataDriven)
            {
                throw CliException.Usage($"--model {definition.Name}: a data-driven model does not run inside a SQL engine; print the path query with 'attribution sql --paths', export its result as a path CSV and run --paths on it.");
            }
        }

        var postgres = SqlConnections.IsPostgresAddress(input);
        var dialect = postgres ? SqlDialect.PostgreSql : SqlDialect.DuckDb;
        var source = postgres
            ? new SqlEventSource(parseResult.GetValue(Table)!) { OrderColumn = parseResult.GetValue(OrderColumn) }
            : parseResult.GetValue(InputFormat)?.Trim().Equals("ga4", StringComparison.OrdinalIgnoreCase) == true
                ? SqlConnections.DuckDbGa4(input, OptionParsers.ParseList(parseResult.GetValue(ConversionEvents) ?? []) is { Count: > 0 } events ? events : ["purchase"])
                : SqlConnections.DuckDbFiles(input);
        if (!postgres && !input.Contains('*', StringComparison.Ordinal) && !input.Contains('?', StringComparison.Ordinal) && !File.Exists(input))
        {
            throw new CliException($"--input: '{input}' does not exist.", ExitCodes.Data);
        }

        var blocks = new List<CreditBlock>();
        try
        {
            using var connection = Open(postgres, input, parseResult.GetValue(MemoryLimit));
            foreach (var definition in definitions)
            {
                context.ThrowIfCancelled();
                var totals = AttributionSql.RunCredits(connection, dialect, source, definition, eligible.Options);
                blocks.AddRange(Blocks(definition.Name, totals, grouping, eligible.Kinds));
            }
        }
        catch (DbException e)
        {
            throw new CliException($"--input '{input}': the {(postgres ? "PostgreSQL" : "DuckDB")} query failed: {OneLine(e.Message)}", ExitCodes.Data);
        }
        catch (ArgumentException e) when (e.ParamName is "memoryLimit" or "address")
        {
            throw CliException.Usage(e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw CliException.Usage(e.Message);
        }

        var summary = postgres ? $"table {parseResult.GetValue(Table)} in PostgreSQL" : $"{input} in DuckDB";
        write(new CreditReport(blocks, ReportWriter.KeyHeader(grouping), summary, eligible.Options.Period));
    }

    private static DbConnection Open(bool postgres, string input, string? memoryLimit)
        => postgres ? SqlConnections.OpenPostgres(input) : SqlConnections.OpenDuckDb(memoryLimit);

    private static IEnumerable<CreditBlock> Blocks(string model, IReadOnlyList<SqlCreditTotal> totals, ReportGrouping grouping, IReadOnlyList<string>? kinds)
    {
        var dimension = grouping == ReportGrouping.Campaign ? SqlCreditDimension.Campaign : SqlCreditDimension.Channel;
        foreach (var total in totals.Where(static t => t.Dimension == SqlCreditDimension.Total))
        {
            if (kinds is not null && !kinds.Contains(total.Kind))
            {
                continue;
            }

            var unattributed = totals.FirstOrDefault(t => t.Dimension == SqlCreditDimension.Unattributed && t.Kind == total.Kind);
            var rows = totals.Where(t => t.Dimension == dimension && t.Kind == total.Kind).Select(static t => new CreditTotal(t.Key, t.Conversions, t.Value));
            yield return CreditBlock.Create(model, total.Kind, total.Conversions, total.Value, unattributed.Conversions, unattributed.Value, rows);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
