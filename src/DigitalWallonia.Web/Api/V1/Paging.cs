using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>A page of a list: pages count from 1 and hold 1 to <see cref="MaxSize"/> items, 20 by default.</summary>
internal readonly record struct Paging(int Page, int Size)
{
    public const int MaxSize = 100;

    public int Skip => (Page - 1) * Size;

    /// <summary>The page asked for, or a 400 saying what a page may be.</summary>
    public static bool TryRead(int? page, int? size, out Paging paging, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        paging = new Paging(page ?? 1, size ?? 20);
        problem = paging.Page < 1 || paging.Size is < 1 or > MaxSize
            ? ApiProblems.BadRequest($"page starts at 1 and pageSize is 1 to {MaxSize}; got page {paging.Page}, pageSize {paging.Size}.")
            : null;
        return problem is null;
    }
}
