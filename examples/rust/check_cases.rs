// What the tests compile beside a generated page module (`page.rs`): it answers
// queries on stdin, one a line, so the shared match cases can be run through Rust.
//   lookup<TAB>CODE          -> identifier, or "-"
//   name<TAB>IDENTIFIER      -> code, or "-"
//   match<TAB>CODE|-<TAB>HEX -> code<TAB>hex(template)<TAB>hex(arg),hex(arg)…, or "-"
//   errors                   -> identifier<TAB>hex(name)<TAB>hex(message),… per code, then "."
// Text travels as hex of its UTF-8 bytes, so no character needs escaping.
mod page;

use std::io::{self, BufRead, Write};

fn unhex(text: &str) -> String {
    let bytes: Vec<u8> = (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect();
    String::from_utf8(bytes).unwrap()
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{:02x}", b)).collect()
}

fn answer(query: &[&str]) -> String {
    match query {
        ["lookup", code] => page::lookup(code.parse().unwrap()).map_or("-".into(), |info| info.identifier.into()),
        ["name", ident] => page::by_identifier(ident).map_or("-".into(), |info| (info.code as i64).to_string()),
        ["match", code, text] => {
            let code = if *code == "-" { None } else { Some(code.parse().unwrap()) };
            match page::match_message(&unhex(text), code) {
                Some(found) => {
                    let args: Vec<String> = found.args.iter().map(|arg| hex(arg)).collect();
                    format!("{}\t{}\t{}", found.code, hex(found.template), args.join(","))
                }
                None => "-".into(),
            }
        }
        ["errors"] => {
            let mut lines: Vec<String> = page::ERRORS
                .iter()
                .map(|info| {
                    let messages: Vec<String> = info.messages.iter().map(|m| hex(m)).collect();
                    format!("{}\t{}\t{}", info.identifier, hex(info.name), messages.join(","))
                })
                .collect();
            lines.push(".".into());
            lines.join("\n")
        }
        _ => panic!("bad query {:?}", query),
    }
}

fn main() {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines() {
        let line = line.unwrap();
        let query: Vec<&str> = line.split('\t').collect();
        writeln!(out, "{}", answer(&query)).unwrap();
    }
}
