namespace Readiness.Rules.Secrets;

/// <summary>
/// The shipped detectors' regexes (their own and their pairs'), generated at build time by .NET's regex source
/// generator, so a scan neither interprets them nor emits and JIT-s them: a scan of the standard library or efcore
/// takes 0.90 of the CPU it took with them interpreted (issue 20, docs/performance.md round 15). DetectorRegexes.g.cs is written from detectors.yaml by
/// <c>DetectorRegexesTests</c> (<c>READINESS_UPDATE_GOLDEN=1</c>), which fails while it is out of date; a pattern it
/// does not hold (a ruleset's own detector) is interpreted, with the same options and time limit.
/// </summary>
/// <remarks>
/// A source generator cannot feed another one, so Readiness.Rules.Generator, which reads detectors.yaml at build
/// time, cannot write these <c>[GeneratedRegex]</c> methods itself: they are checked in, like the golden reports.
/// </remarks>
internal static partial class DetectorRegexes;
