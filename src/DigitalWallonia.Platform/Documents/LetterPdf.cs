using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// A stored letter or certificate (HTML, as <see cref="DocumentIssuer"/> keeps it) laid out as an A4 PDF whose text is
/// selectable: the HTML's text structure is kept — headings, paragraphs, list items, table rows as lines of cells — and
/// its styling is not. The letter stays the record; the PDF is made from it on each download, so both always agree.
/// </summary>
public static partial class LetterPdf
{
    private const double Margin = 56; // points: about 2 cm
    private const double BodySize = 10.5;
    private const double HeadingSize = 14;

    /// <summary>The PDF of <paramref name="html"/>, titled <paramref name="title"/>, with <paramref name="footer"/> at the foot of every page.</summary>
    public static byte[] Render(string html, string title, string footer)
    {
        ArgumentNullException.ThrowIfNull(html);
        SystemFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Digital Wallonia";
        var body = new XFont(SystemFonts.Family, BodySize, XFontStyleEx.Regular);
        var bold = new XFont(SystemFonts.Family, BodySize, XFontStyleEx.Bold);
        var heading = new XFont(SystemFonts.Family, HeadingSize, XFontStyleEx.Bold);
        var small = new XFont(SystemFonts.Family, 8, XFontStyleEx.Regular);

        PdfPage? page = null;
        XGraphics? gfx = null;
        var y = 0d;
        var pages = new List<(PdfPage Page, XGraphics Graphics)>();
        void NewPage()
        {
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages.Add((page, gfx));
            y = Margin;
        }

        NewPage();
        foreach (var block in Blocks(html))
        {
            var font = block.Kind switch { BlockKind.Heading => heading, BlockKind.Row => body, _ => body };
            var indent = block.Kind == BlockKind.Item ? 14d : 0d;
            var width = page!.Width.Point - 2 * Margin - indent;
            var lines = Wrap(gfx!, block.Text, block.Kind == BlockKind.Heading ? heading : block.Strong ? bold : font, width);
            var lineHeight = (block.Kind == BlockKind.Heading ? HeadingSize : BodySize) * 1.35;
            foreach (var (line, index) in lines.Select((l, i) => (l, i)))
            {
                if (y + lineHeight > page.Height.Point - Margin - 20)
                {
                    NewPage();
                }

                var prefix = block.Kind == BlockKind.Item && index == 0 ? "• " : "";
                gfx!.DrawString(prefix + line, block.Kind == BlockKind.Heading ? heading : block.Strong ? bold : font, XBrushes.Black,
                    new XPoint(Margin + (prefix.Length > 0 ? 0 : indent), y), XStringFormats.TopLeft);
                y += lineHeight;
            }

            y += block.Kind == BlockKind.Row ? 2 : 6;
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var (p, g) = pages[i];
            g.DrawString($"{footer} — {i + 1}/{pages.Count}", small, XBrushes.Gray,
                new XPoint(Margin, p.Height.Point - Margin + 10), XStringFormats.TopLeft);
            g.Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
            }
            else
            {
                current.Clear().Append(candidate);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    internal enum BlockKind
    {
        Paragraph,
        Heading,
        Item,
        Row,
    }

    internal sealed record Block(BlockKind Kind, string Text, bool Strong);

    /// <summary>The letter's text in blocks: what the reader sees, in order, without styles, scripts or the head.</summary>
    internal static IReadOnlyList<Block> Blocks(string html)
    {
        var content = Hidden().Replace(html, " ");
        var blocks = new List<Block>();
        var text = new StringBuilder();
        var kind = BlockKind.Paragraph;
        var cells = new List<string>();
        var inRow = false;
        var headingRow = false;

        void Flush()
        {
            var value = Spaces().Replace(WebUtility.HtmlDecode(text.ToString()), " ").Trim();
            text.Clear();
            if (inRow)
            {
                if (value.Length > 0)
                {
                    cells.Add(value);
                }

                return;
            }

            if (value.Length > 0)
            {
                blocks.Add(new Block(kind, value, false));
            }
        }

        foreach (Match token in Tokens().Matches(content))
        {
            if (token.Groups["text"].Success)
            {
                text.Append(token.Groups["text"].Value);
                continue;
            }

            var closing = token.Groups["close"].Value.Length > 0;
            switch (token.Groups["name"].Value.ToLowerInvariant())
            {
                case "h1" or "h2" or "h3" or "h4":
                    Flush();
                    kind = closing ? BlockKind.Paragraph : BlockKind.Heading;
                    break;
                case "li":
                    Flush();
                    kind = closing ? BlockKind.Paragraph : BlockKind.Item;
                    break;
                case "tr":
                    Flush();
                    if (closing && inRow)
                    {
                        inRow = false;
                        if (cells.Count > 0)
                        {
                            blocks.Add(new Block(BlockKind.Row, string.Join(" : ", cells), headingRow));
                        }
                    }
                    else if (!closing)
                    {
                        inRow = true;
                        headingRow = false;
                        cells.Clear();
                    }

                    break;
                case "th":
                    headingRow |= !closing;
                    Flush();
                    break;
                case "td":
                    Flush();
                    break;
                case "br" or "p" or "div" or "ul" or "ol" or "table" or "section" or "header" or "footer" or "address" or "body":
                    Flush();
                    break;
                default:
                    text.Append(' ');
                    break;
            }
        }

        Flush();
        return blocks;
    }

    [GeneratedRegex(@"<(head|style|script|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9]*)[^>]*>|(?<text>[^<]+)")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// A sans-serif family with accents and the euro sign, read from the system's fonts (fonts-dejavu-core, or Liberation
    /// Sans): PDFsharp does not read system fonts by itself outside Windows, and the fonts are embedded (subset) in each PDF.
    /// </summary>
    private sealed class SystemFonts : IFontResolver
    {
        public const string Family = "DW Sans";

        private static readonly string[] Folders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", @"C:\Windows\Fonts"];

        private static readonly (string Regular, string Bold)[] Candidates =
        [
            ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
            ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
            ("arial.ttf", "arialbd.ttf"),
        ];

        private static readonly Lock Gate = new();

        private readonly Dictionary<string, byte[]> _faces;

        private SystemFonts(Dictionary<string, byte[]> faces) => _faces = faces;

        public static void Install()
        {
            lock (Gate)
            {
                if (GlobalFontSettings.FontResolver is SystemFonts)
                {
                    return;
                }

                GlobalFontSettings.FontResolver = new SystemFonts(Find());
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "bold" : "regular", false, italic);

        public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

        private static Dictionary<string, byte[]> Find()
        {
            var files = Folders.Where(Directory.Exists)
                .SelectMany(f => Directory.EnumerateFiles(f, "*.ttf", SearchOption.AllDirectories))
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var (regular, bold) in Candidates)
            {
                if (files.TryGetValue(regular, out var r) && files.TryGetValue(bold, out var b))
                {
                    return new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["regular"] = File.ReadAllBytes(r), ["bold"] = File.ReadAllBytes(b) };
                }
            }

            throw new InvalidOperationException("No font for PDF letters: install DejaVu Sans (Debian: fonts-dejavu-core) or Liberation Sans.");
        }
    }
}
