/// Frequent English words. An alias that is one of these, in lower case, would turn ordinary
/// prose into links ("change", "asset", "it").
enum CommonWords {
    static func isCommon(_ alias: String) -> Bool {
        alias == alias.lowercased() && words.contains(alias)
    }

    static let words: Set<String> = [
        "a", "about", "above", "access", "account", "act", "action", "after", "again", "against", "age", "ago",
        "agree", "air", "all", "allow", "also", "always", "among", "an", "and", "another", "answer", "any",
        "area", "around", "as", "ask", "asset", "at", "away", "back", "bad", "base", "be", "because", "become",
        "before", "begin", "behind", "best", "better", "between", "big", "bit", "black", "block", "body", "book",
        "both", "box", "break", "bring", "build", "business", "but", "by", "call", "can", "care", "carry", "case",
        "cause", "center", "change", "check", "child", "city", "class", "clear", "close", "code", "cold", "come",
        "common", "company", "control", "copy", "could", "country", "course", "cover", "cut", "data", "day",
        "deal", "device", "did", "different", "do", "does", "door", "down", "draw", "drive", "during", "each",
        "early", "easy", "end", "enough", "even", "event", "ever", "every", "example", "eye", "face", "fact",
        "fail", "fall", "family", "far", "fast", "feel", "few", "field", "file", "fill", "find", "fine", "fire",
        "first", "fix", "floor", "flow", "follow", "for", "force", "form", "free", "from", "front", "full",
        "game", "gate", "get", "give", "go", "good", "great", "ground", "group", "grow", "guard", "had", "half",
        "hand", "hard", "has", "have", "he", "head", "hear", "help", "her", "here", "high", "him", "his", "hold",
        "home", "host", "hot", "hour", "house", "how", "idea", "if", "in", "into", "is", "issue", "it", "its",
        "job", "just", "keep", "key", "kind", "know", "land", "large", "last", "late", "lead", "learn", "least",
        "leave", "left", "less", "let", "level", "life", "light", "like", "line", "link", "list", "little",
        "live", "load", "local", "lock", "log", "long", "look", "loop", "lot", "low", "main", "make", "man",
        "many", "map", "mark", "may", "me", "mean", "meet", "might", "mind", "miss", "mode", "model", "more",
        "most", "move", "much", "must", "my", "name", "near", "need", "net", "network", "never", "new", "next",
        "night", "no", "node", "not", "note", "now", "number", "of", "off", "office", "often", "old", "on",
        "once", "one", "only", "open", "or", "order", "other", "our", "out", "over", "own", "page", "part",
        "pass", "patch", "path", "people", "place", "plan", "plant", "play", "point", "port", "power", "press",
        "problem", "process", "program", "put", "question", "quick", "rate", "reach", "read", "real", "record",
        "report", "rest", "right", "risk", "room", "root", "rule", "run", "safe", "same", "save", "say", "scan",
        "school", "see", "seem", "send", "serve", "service", "set", "she", "shift", "short", "should", "show",
        "side", "sign", "since", "site", "small", "so", "some", "sound", "space", "stand", "start", "state",
        "still", "stop", "store", "story", "study", "such", "support", "sure", "switch", "system", "table",
        "take", "talk", "team", "tell", "test", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "thing", "think", "this", "those", "through", "time", "to", "today", "together", "too", "tool",
        "top", "track", "trip", "true", "try", "turn", "two", "type", "under", "unit", "until", "up", "update",
        "us", "use", "user", "value", "very", "view", "wall", "want", "was", "watch", "water", "way", "we",
        "well", "went", "were", "what", "when", "where", "which", "while", "white", "who", "why", "will", "with",
        "word", "work", "world", "would", "write", "year", "yes", "yet", "you", "your", "zone",
    ]
}
