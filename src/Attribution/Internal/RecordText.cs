using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Attribution;

/// <summary>The <c>PrintMembers</c> of public records that hold collections: the compiler's prints a list as its type name
/// (<c>&lt;&gt;z__ReadOnlyArray`1</c>), this prints its items, and numbers in the invariant culture.</summary>
internal static class RecordText
{
    // Long lists are cut: ToString is for a debugger or a log line, not an export.
    private const int MaxItems = 20;

    public static bool Print(StringBuilder builder, object record)
    {
        var first = true;
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(property.Name).Append(" = ");
            Append(builder, property.GetValue(record));
        }

        return !first;
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.Append(text);
                break;
            case IEnumerable items when IsDictionary(items.GetType()):
                AppendItems(builder, items.Cast<object?>(), "{ ", " }");
                break;
            case IEnumerable items:
                AppendItems(builder, items.Cast<object?>(), "[", "]");
                break;
            case DictionaryEntry entry:
                Append(builder, entry.Key);
                builder.Append(" = ");
                Append(builder, entry.Value);
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(value);
                break;
        }
    }

    private static bool IsDictionary(Type type)
        => typeof(IDictionary).IsAssignableFrom(type)
            || type.GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static void AppendItems(StringBuilder builder, IEnumerable<object?> items, string open, string close)
    {
        builder.Append(open);
        var count = 0;
        foreach (var item in items)
        {
            if (count == MaxItems)
            {
                builder.Append(", …");
                break;
            }

            if (count > 0)
            {
                builder.Append(", ");
            }

            var value = item;
            if (item is not null && item.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                value = new DictionaryEntry(type.GetProperty("Key")!.GetValue(item)!, type.GetProperty("Value")!.GetValue(item));
            }

            Append(builder, value);
            count++;
        }

        builder.Append(close);
    }
}
