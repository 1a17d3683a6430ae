namespace Guv.Cli.Output;

/// <summary>A plain-text table with aligned columns: text columns left, numbers right.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(cells.Length, headers.Length);
        _rows.Add(cells);
    }

    public void WriteTo(TextWriter output, string indent = "")
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var numeric = headers.Select((_, i) => _rows.Count > 0 && _rows.All(r => IsNumber(r[i]))).ToArray();
        output.WriteLine(indent + Line(headers, widths, numeric).TrimEnd());
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(indent + Line(row, widths, numeric).TrimEnd());
        }
    }

    private static string Line(string[] cells, int[] widths, bool[] numeric) =>
        string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));

    private static bool IsNumber(string cell) =>
        cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell[0] == '$' || cell is "-" or "?");
}
