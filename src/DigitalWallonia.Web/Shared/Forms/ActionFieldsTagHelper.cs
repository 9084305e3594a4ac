using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// <c>&lt;dw-action-fields form="Model.Form" /&gt;</c>: the fields of an <see cref="ActionForm"/>, inside the page's own
/// <c>&lt;form&gt;</c>.
/// </summary>
[HtmlTargetElement("dw-action-fields", Attributes = "form", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ActionFieldsTagHelper(IHtmlHelper html) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ActionForm Form { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ((IViewContextAware)html).Contextualize(ViewContext);
        output.TagName = null;
        output.Content.SetHtmlContent(await html.PartialAsync("~/Shared/Forms/_ActionFields.cshtml", Form));
    }
}
