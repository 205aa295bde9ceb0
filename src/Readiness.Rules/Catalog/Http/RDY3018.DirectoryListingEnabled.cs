using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A web server that lists a folder's files shows backups, uploads and files never linked from a page.</summary>
public sealed class DirectoryListingEnabled : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        if (ExposedContent.DirectoryListing(target) is not { } listing) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{listing.Exchange.FinalUrl} shows {listing.What}, so anyone can browse every file in it; turn directory listing off (nginx: autoindex off; Apache: Options -Indexes).",
            listing.Proof, "directory-listing", Props(listing.Exchange));
    }
}
