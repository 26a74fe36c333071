import Ccmark

/// The kinds of node in a libcmark tree.
public enum NodeType: Sendable, Hashable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
    case paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline
    case emphasis, strong, link, image
    case none

    @inlinable init(_ raw: cmark_node_type) {
        switch raw {
        case CMARK_NODE_DOCUMENT: self = .document
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: self = .customInline
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        default: self = .none
        }
    }

    var raw: cmark_node_type {
        switch self {
        case .document: CMARK_NODE_DOCUMENT
        case .blockQuote: CMARK_NODE_BLOCK_QUOTE
        case .list: CMARK_NODE_LIST
        case .item: CMARK_NODE_ITEM
        case .codeBlock: CMARK_NODE_CODE_BLOCK
        case .htmlBlock: CMARK_NODE_HTML_BLOCK
        case .customBlock: CMARK_NODE_CUSTOM_BLOCK
        case .paragraph: CMARK_NODE_PARAGRAPH
        case .heading: CMARK_NODE_HEADING
        case .thematicBreak: CMARK_NODE_THEMATIC_BREAK
        case .text: CMARK_NODE_TEXT
        case .softBreak: CMARK_NODE_SOFTBREAK
        case .lineBreak: CMARK_NODE_LINEBREAK
        case .code: CMARK_NODE_CODE
        case .htmlInline: CMARK_NODE_HTML_INLINE
        case .customInline: CMARK_NODE_CUSTOM_INLINE
        case .emphasis: CMARK_NODE_EMPH
        case .strong: CMARK_NODE_STRONG
        case .link: CMARK_NODE_LINK
        case .image: CMARK_NODE_IMAGE
        case .none: CMARK_NODE_NONE
        }
    }

    /// Nodes whose children may be blocks (a custom block may also hold inlines).
    public var containsBlocks: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .customBlock: true
        default: false
        }
    }

    /// Block nodes carry source positions; inline nodes do not (libcmark 0.30).
    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock,
            .paragraph, .heading, .thematicBreak:
            true
        default: false
        }
    }
}
