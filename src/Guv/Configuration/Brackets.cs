namespace Guv.Configuration;

/// <summary>Finds a flow bracket (<c>{</c> or <c>[</c>) that is never closed, skipping quoted text and comments.</summary>
internal static class Brackets
{
    public static (char Bracket, int Line, int Column)? FindUnclosed(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        var line = 1;
        var column = 0;
        char? quote = null;
        var comment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                (line, column, comment) = (line + 1, 0, false);
                continue;
            }

            if (comment)
            {
                continue;
            }

            if (quote is { } q)
            {
                quote = c == q && (q == '\'' || text[i - 1] != '\\') ? null : quote;
                continue;
            }

            switch (c)
            {
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    comment = true;
                    break;
                case '"' or '\'' when i == 0 || !char.IsLetterOrDigit(text[i - 1]):
                    quote = c;
                    break;
                case '{' or '[':
                    open.Push((c, line, column));
                    break;
                case '}' or ']' when open.Count > 0:
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 ? open.Last() : null;
    }
}
