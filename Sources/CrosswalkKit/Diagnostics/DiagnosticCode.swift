/// Stable identifiers for every diagnostic, so CI logs, documentation and tests can name them.
/// The hundreds group them by stage. Never renumber; retire a code instead of reusing it.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Load (CW1xx)
    case unreadableFile = "CW101"
    case invalidUTF8 = "CW102"
    case emptyFile = "CW103"
    case symlinkOutsideContent = "CW104"
    case missingContentFolder = "CW105"
    case fileTooLarge = "CW106"
    case tooManyBrackets = "CW107"

    // Front matter and model (CW2xx)
    case unterminatedFrontMatter = "CW201"
    case invalidYAML = "CW202"
    case wrongValueType = "CW203"
    case frontMatterNotAMapping = "CW204"
    case unknownKey = "CW205"
    case duplicateURL = "CW206"
    case duplicateAlias = "CW207"
    case emptySlug = "CW208"

    // Config (CW3xx)
    case invalidConfig = "CW301"
    case unknownConfigKey = "CW302"

    // Links (CW4xx)
    case brokenLink = "CW401"
    case brokenAnchor = "CW402"
    case linkOutsideContent = "CW403"
    case unknownRelation = "CW404"
    case brokenWikilink = "CW405"
    case ambiguousWikilink = "CW406"

    // Templates and output (CW5xx)
    case templateSyntax = "CW501"
    case missingTemplate = "CW502"
    case outputFailed = "CW503"
    case missingPartial = "CW504"

    // Lint (CW6xx): warnings, each can be switched off in crosswalk.yml under `lint:`
    case orphanTerm = "CW601"
    case missingMeaning = "CW602"
    case unmappedTool = "CW603"
    case unmappedConstraint = "CW604"
    case stalePage = "CW605"
    case missingOwner = "CW606"
    case missingSummary = "CW607"
    case longSummary = "CW608"
    case commonWordAlias = "CW609"

    /// The `lint:` key that switches a lint warning off, nil for other diagnostics.
    public var lintRule: String? {
        switch self {
        case .orphanTerm: "orphan_term"
        case .missingMeaning: "missing_meaning"
        case .unmappedTool: "unmapped_tool"
        case .unmappedConstraint: "unmapped_constraint"
        case .stalePage: "stale"
        case .missingOwner: "missing_owner"
        case .missingSummary: "missing_summary"
        case .longSummary: "long_summary"
        case .commonWordAlias: "common_word_alias"
        default: nil
        }
    }

    /// One line for the documentation table and `--explain`.
    public var summary: String {
        switch self {
        case .unreadableFile: "a content file could not be read"
        case .invalidUTF8: "a content file is not valid UTF-8"
        case .emptyFile: "a content file is empty"
        case .symlinkOutsideContent: "a symbolic link points outside content/"
        case .missingContentFolder: "the source has no content/ folder"
        case .fileTooLarge: "a content file is over the size limit"
        case .tooManyBrackets: "a page has more [ brackets than crosswalk parses"
        case .unterminatedFrontMatter: "front matter opened with --- is never closed"
        case .invalidYAML: "front matter is not valid YAML"
        case .wrongValueType: "a front-matter value has the wrong type"
        case .frontMatterNotAMapping: "front matter is not a key: value mapping"
        case .unknownKey: "a front-matter key is not known for this kind"
        case .duplicateURL: "two files would be published at the same URL"
        case .duplicateAlias: "two terms claim the same alias"
        case .emptySlug: "a file or folder name has no letter or digit to make a URL from"
        case .invalidConfig: "crosswalk.yml is invalid"
        case .unknownConfigKey: "crosswalk.yml has a key crosswalk does not know"
        case .brokenLink: "a link points to a file that does not exist"
        case .brokenAnchor: "a link points to a heading that does not exist"
        case .linkOutsideContent: "a relative link leaves content/"
        case .unknownRelation: "a front-matter relation names a page that does not exist"
        case .brokenWikilink: "a [[wikilink]] names no page"
        case .ambiguousWikilink: "a [[wikilink]] names more than one page"
        case .templateSyntax: "a template has a syntax error"
        case .missingTemplate: "a required template is missing"
        case .outputFailed: "the output could not be written"
        case .missingPartial: "a template names a partial that does not exist"
        case .orphanTerm: "no page refers to this term (orphan_term)"
        case .missingMeaning: "a term has no IT or no OT meaning (missing_meaning)"
        case .unmappedTool: "a tool note is mapped to no constraint (unmapped_tool)"
        case .unmappedConstraint: "no tool is mapped against this constraint (unmapped_constraint)"
        case .stalePage: "a page is past its review_by date (stale)"
        case .missingOwner: "a page has no owner (missing_owner)"
        case .missingSummary: "a page has no summary (missing_summary)"
        case .longSummary: "a summary is over 200 characters (long_summary)"
        case .commonWordAlias: "an alias is a common English word in lower case (common_word_alias)"
        }
    }
}
