using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// <c>&lt;dw-error-summary form="Model.Form" /&gt;</c> or <c>errors="links"</c>: GOV.UK's error summary, drawn only when there
/// is an error, which also puts "Erreur : " before the page's title. Put it first in <c>&lt;main&gt;</c> (or in the region an
/// htmx form swaps).
/// </summary>
[HtmlTargetElement("dw-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IHtmlHelper html) : TagHelper
{
    /// <summary>Set in the request's items once a summary is drawn: the layout then puts "Erreur : " before the title.</summary>
    public const string ErrorShown = "dw.error-summary-shown";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ActionForm? Form { get; set; }

    public IReadOnlyList<ErrorLink>? Errors { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var links = (Errors ?? []).Concat(Form?.ErrorLinks ?? []).ToList();
        if (links.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        // The layout's <title> reads it: a partial's ViewData is a copy, the request's items are not.
        ViewContext.HttpContext.Items[ErrorShown] = true;
        ((IViewContextAware)html).Contextualize(ViewContext);
        output.Content.SetHtmlContent(await html.PartialAsync("~/Shared/Forms/_ErrorSummary.cshtml", links));
    }
}
