//! Scopes to a few short token classes: the page's HTML stays small (syntect's classed output
//! repeats every scope name) and one stylesheet colours every language.

use std::collections::HashMap;
use std::sync::OnceLock;

use syntect::parsing::{Scope, ScopeStack};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Comment,
    String,
    Number,
    Constant,
    Keyword,
    Operator,
    Function,
    Type,
    Tag,
    Attribute,
    Variable,
    Heading,
}

impl TokenClass {
    pub const ALL: [TokenClass; 12] = [
        TokenClass::Comment,
        TokenClass::String,
        TokenClass::Number,
        TokenClass::Constant,
        TokenClass::Keyword,
        TokenClass::Operator,
        TokenClass::Function,
        TokenClass::Type,
        TokenClass::Tag,
        TokenClass::Attribute,
        TokenClass::Variable,
        TokenClass::Heading,
    ];

    /// The CSS class on the span.
    pub fn css(self) -> &'static str {
        match self {
            TokenClass::Comment => "hc",
            TokenClass::String => "hs",
            TokenClass::Number => "hn",
            TokenClass::Constant => "hb",
            TokenClass::Keyword => "hk",
            TokenClass::Operator => "ho",
            TokenClass::Function => "hf",
            TokenClass::Type => "ht",
            TokenClass::Tag => "hg",
            TokenClass::Attribute => "ha",
            TokenClass::Variable => "hv",
            TokenClass::Heading => "hh",
        }
    }

    /// A scope a theme colours the way this class should look.
    pub fn sample_scope(self) -> &'static str {
        match self {
            TokenClass::Comment => "comment.line",
            TokenClass::String => "string.quoted.double",
            TokenClass::Number => "constant.numeric",
            TokenClass::Constant => "constant.language",
            TokenClass::Keyword => "keyword.control",
            TokenClass::Operator => "keyword.operator",
            TokenClass::Function => "entity.name.function",
            TokenClass::Type => "entity.name.type",
            TokenClass::Tag => "entity.name.tag",
            TokenClass::Attribute => "entity.other.attribute-name",
            TokenClass::Variable => "variable.parameter",
            TokenClass::Heading => "markup.heading",
        }
    }
}

/// Selectors in order: a more specific prefix comes before the general one it refines.
const SELECTORS: &[(&str, Option<TokenClass>)] = &[
    ("comment", Some(TokenClass::Comment)),
    ("string", Some(TokenClass::String)),
    ("constant.numeric", Some(TokenClass::Number)),
    ("constant.character.escape", Some(TokenClass::String)),
    ("constant", Some(TokenClass::Constant)),
    ("support.constant", Some(TokenClass::Constant)),
    ("variable.language", Some(TokenClass::Constant)),
    ("keyword.operator.word", Some(TokenClass::Keyword)),
    ("keyword.operator", Some(TokenClass::Operator)),
    ("keyword", Some(TokenClass::Keyword)),
    ("storage.type.primitive", Some(TokenClass::Type)),
    ("storage", Some(TokenClass::Keyword)),
    ("entity.name.function", Some(TokenClass::Function)),
    ("support.function", Some(TokenClass::Function)),
    ("variable.function", Some(TokenClass::Function)),
    ("entity.name.tag", Some(TokenClass::Tag)),
    ("entity.other.attribute-name", Some(TokenClass::Attribute)),
    ("entity.name.section", Some(TokenClass::Heading)),
    ("markup.heading", Some(TokenClass::Heading)),
    ("entity.name", Some(TokenClass::Type)),
    ("entity.other.inherited-class", Some(TokenClass::Type)),
    ("support.type", Some(TokenClass::Type)),
    ("support.class", Some(TokenClass::Type)),
    ("variable.parameter", Some(TokenClass::Variable)),
    ("meta.mapping.key", Some(TokenClass::Tag)),
];

fn selectors() -> &'static [(Scope, Option<TokenClass>)] {
    static PARSED: OnceLock<Vec<(Scope, Option<TokenClass>)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SELECTORS
            .iter()
            .filter_map(|(s, c)| Scope::new(s).ok().map(|scope| (scope, *c)))
            .collect()
    })
}

/// Maps scope stacks to classes, remembering each scope's answer for the file.
#[derive(Default)]
pub(crate) struct Mapper {
    cache: HashMap<Scope, Option<TokenClass>>,
}

impl Mapper {
    /// The class of the innermost scope that has one.
    pub(crate) fn class(&mut self, stack: &ScopeStack) -> Option<TokenClass> {
        stack
            .as_slice()
            .iter()
            .rev()
            .find_map(|scope| *self.cache.entry(*scope).or_insert_with(|| lookup(*scope)))
    }
}

fn lookup(scope: Scope) -> Option<TokenClass> {
    selectors()
        .iter()
        .find(|(selector, _)| selector.is_prefix_of(scope))
        .and_then(|(_, class)| *class)
}
