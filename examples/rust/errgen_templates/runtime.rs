// errgen's Rust example: the runtime every generated page module embeds verbatim
// (errors.rs.j2 includes this file). Real source: `rustc --crate-type lib runtime.rs`
// compiles it on its own; only the data around it is generated.

/// One template `find_match` tries: a code's message, or a message-table row.
pub struct Template {
    /// Codes the template is documented under; the first listed one is reported.
    pub codes: &'static [i64],
    pub text: &'static str,
    /// The text around the placeholders: one more piece than there are placeholders.
    pub literals: &'static [&'static str],
}

/// The template an API message was made from, and the values of its placeholders.
#[derive(Debug, PartialEq, Eq)]
pub struct Match {
    pub code: i64,
    pub template: &'static str,
    pub args: Vec<String>,
}

/// The values `text` gives the placeholders between `literals`, as the lazy groups of
/// `^lit0(.+?)lit1(.+?)…$` would (dot matching newlines): each placeholder takes the
/// shortest run of one or more characters that lets the rest fit. The earliest
/// occurrence of each literal is the only one to try (a later one leaves less room),
/// so this never backtracks: linear in the text times the literals.
pub fn fit(literals: &[&str], text: &str) -> Option<Vec<String>> {
    let (first, rest) = literals.split_first()?;
    if !text.starts_with(first) {
        return None;
    }
    let Some((last, middle)) = rest.split_last() else {
        return if text.len() == first.len() { Some(Vec::new()) } else { None };
    };
    if !text.ends_with(last) {
        return None;
    }
    let end = text.len() - last.len();
    let mut at = first.len();
    let mut args = Vec::with_capacity(rest.len());
    for piece in middle {
        let from = after_one_char(text, at)?;
        let found = from + text.get(from..end)?.find(piece)?;
        args.push(text[at..found].to_string());
        at = found + piece.len();
    }
    if after_one_char(text, at)? > end {
        return None;
    }
    args.push(text[at..end].to_string());
    Some(args)
}

fn after_one_char(text: &str, at: usize) -> Option<usize> {
    text.get(at..)?.chars().next().map(|ch| at + ch.len_utf8())
}

fn literal_chars(template: &Template) -> usize {
    template.literals.iter().map(|piece| piece.chars().count()).sum()
}

/// Exact match: the whole text fits a template. With `code`, that code's templates come
/// first; when none fits (or the page does not list the code), the page's others, and the
/// match names the code a template is documented under. Among the templates tried, the
/// one with the most literal characters wins, ties in page order.
pub fn find_match(templates: &'static [Template], listed: &[i64], text: &str, code: Option<i64>) -> Option<Match> {
    let own = code.filter(|code| listed.contains(code));
    if let Some(code) = own {
        if let Some(found) = best(templates, text, |template| template.codes.contains(&code).then_some(code)) {
            return Some(found);
        }
    }
    best(templates, text, |template| {
        if own.is_some_and(|code| template.codes.contains(&code)) {
            return None; // tried above
        }
        template.codes.iter().copied().find(|c| listed.contains(c))
    })
}

/// The best fit among the templates `owner` admits, reported under the code it gives.
fn best(templates: &'static [Template], text: &str, owner: impl Fn(&Template) -> Option<i64>) -> Option<Match> {
    let mut found: Option<(usize, Match)> = None;
    for template in templates {
        let Some(code) = owner(template) else { continue };
        let rank = literal_chars(template);
        if found.as_ref().is_some_and(|(best_rank, _)| rank <= *best_rank) {
            continue;
        }
        if let Some(args) = fit(template.literals, text) {
            found = Some((rank, Match { code, template: template.text, args }));
        }
    }
    found.map(|(_, found)| found)
}
