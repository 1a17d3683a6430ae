using System.Globalization;
using System.Text.Json;

namespace Guv.History;

/// <summary>Writes history records as CSV (RFC 4180, one header line) or as a JSON array.</summary>
public static class HistoryExport
{
    /// <summary>The CSV columns, in order.</summary>
    public const string CsvHeader =
        "at,role,jobs,consumers,fill_rate,drain_rate,workers,estimate,desired,applied,minimum,maximum,deadline,"
        + "reason,explanation,error";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes CSV; empty cells stand for unknown values.</summary>
    public static async Task WriteCsvAsync(IEnumerable<HistoryRecord> records, TextWriter output)
    {
        await output.WriteLineAsync(CsvHeader);
        foreach (var r in records)
        {
            string[] cells =
            [
                r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                Text(r.Role), Number(r.Jobs), Number(r.Consumers), Number(r.FillRate), Number(r.DrainRate),
                Number(r.Workers), Number(r.Estimate), Number(r.Desired), Number(r.Applied), Number(r.Minimum),
                Number(r.Maximum), Number(r.Deadline), Text(r.Reason), Text(r.Explanation), Text(r.Error),
            ];
            await output.WriteLineAsync(string.Join(',', cells));
        }
    }

    /// <summary>Writes a JSON array with the same field names as <c>/api/history</c>.</summary>
    public static async Task WriteJsonAsync(IEnumerable<HistoryRecord> records, TextWriter output)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(records.ToList(), Json));
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Text(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
