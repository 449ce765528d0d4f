using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Models;
using Attribution.Sql;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution sql --dialect duckdb|postgres --model NAME --table NAME</c>: prints the query that runs a
/// rule-based model (or, with <c>--paths</c>, extracts the path counts) inside the database, for users to run themselves.</summary>
internal static class SqlCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = new Option<string>("--dialect")
        {
            Description = "The SQL engine the query is for: duckdb or postgres.",
            HelpName = "duckdb|postgres",
            Required = true,
        };
        var model = new Option<string?>("--model")
        {
            Description = $"The rule-based model: one of {string.Join(", ", AttributionModels.RuleBasedNames)}; MODEL:ARGS as in 'attribute' (for example time-decay:3d).",
            HelpName = "MODEL[:ARGS]",
        };
        var paths = new Option<bool>("--paths")
        {
            Description = "Instead of a model's credit: the path counts (path,total_conversions,total_conversion_value,total_null) that markov and shapley learn from; --conversion names the one kind.",
        };
        var table = new Option<string?>("--table")
        {
            Description = "The table or view with the event-log columns, as the query should name it.",
            HelpName = "NAME",
        };
        var input = new Option<string?>("--input")
        {
            Description = "With --dialect duckdb, instead of --table: a CSV or Parquet file (or a glob) the query reads.",
            HelpName = "FILE",
        };
        var orderColumn = new Option<string?>("--order-column")
        {
            Description = "With --table: a column whose order is the rows' input order, to break ties at one instant as the in-process engine does.",
            HelpName = "COLUMN",
        };
        var eligibility = new EligibilityOptions();
        var command = new Command("sql", "Print the SQL query that runs a rule-based model (or extracts the path counts) inside DuckDB or PostgreSQL, with the same numbers as 'attribute'.")
        {
            dialect, model, paths, table, input, orderColumn,
        };
        eligibility.AddTo(command);
        command.SetAction(parseResult =>
        {
            var sqlDialect = parseResult.GetValue(dialect)!.Trim().ToLowerInvariant() switch
            {
                "duckdb" => SqlDialect.DuckDb,
                "postgres" or "postgresql" => SqlDialect.PostgreSql,
                var other => throw CliException.Usage($"--dialect: '{other}' is not a dialect; use duckdb or postgres."),
            };
            var tableName = parseResult.GetValue(table);
            var file = parseResult.GetValue(input);
            if ((tableName is null) == (file is null))
            {
                throw CliException.Usage("give the events with --table NAME or (duckdb) --input FILE, one of them.");
            }

            if (file is not null && sqlDialect != SqlDialect.DuckDb)
            {
                throw CliException.Usage("--input reads files through DuckDB; with --dialect postgres, name the table with --table.");
            }

            if (file is not null && parseResult.GetValue(orderColumn) is not null)
            {
                throw CliException.Usage("--order-column applies to --table; a file's own row order breaks ties.");
            }

            var source = file is not null ? SqlConnections.DuckDbFiles(file) : new SqlEventSource(tableName!) { OrderColumn = parseResult.GetValue(orderColumn) };
            var eligible = eligibility.Parse(parseResult, new Engine.AttributionOptions());
            var modelText = parseResult.GetValue(model);
            string query;
            if (parseResult.GetValue(paths))
            {
                if (modelText is not null)
                {
                    throw CliException.Usage("--model and --paths: give one of them.");
                }

                if (eligible.Kinds is { Count: > 1 })
                {
                    throw CliException.Usage("--conversion: the path counts are of one kind (or of all, without --conversion).");
                }

                query = AttributionSql.PathQuery(sqlDialect, source, eligible.Options, eligible.Kinds?[0]);
            }
            else
            {
                if (modelText is null)
                {
                    throw CliException.Usage("--model: give the rule-based model (or --paths for the path counts).");
                }

                if (eligible.Kinds is not null)
                {
                    throw CliException.Usage("--conversion: the query reports every kind; filter its result by the kind column.");
                }

                var definition = ModelChoices.Define("--model", ModelChoices.Parse("--model", [modelText]), new ModelSettings(), eligible.Options.Stages).Single();
                if (definition.IsDataDriven)
                {
                    throw CliException.Usage($"--model {definition.Model}: a data-driven model has no SQL form; print the path counts with --paths and fit it on them.");
                }

                query = AttributionSql.CreditQuery(sqlDialect, source, definition, eligible.Options);
            }

            context.WriteOut(query);
            return ExitCodes.Success;
        });
        return command;
    }
}
