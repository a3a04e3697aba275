//! The runner of the case files in `tests/fixtures/problems/` (their format is in the README.md
//! there): it reads a file, decodes every case's text and reports every case whose problems
//! differ from the ones it expects. Only `storage_schema.rs` uses it: the bases a case starts
//! from and the edits it makes (`set`, `remove`, `insert`, `stages_json`) are that file's, so a
//! case edits a plan exactly as its Rust helpers do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::storage::schema::{decode_import, decode_record, DecodeError, ImportError};
use serde_json::Value;

use super::{case_base, insert, remove, set, stages_json};

#[test]
fn the_case_runner_reports_every_wrong_expectation() {
    // So that the runner cannot pass whatever a file says: a case expecting the wrong reason, and
    // one expecting a problem in text that reads, are both reported, each with its line.
    let contents = "\
decode record

## right
from example
remove /plan/name
expect plan.name Missing

## the wrong reason
from example
remove /plan/name
expect plan.name WrongType(Text)

## a problem in text that reads
from example
expect plan.name Missing

## reads
from example
expect nothing
";
    let (count, failures) = differing_cases("test.txt", contents).expect("a well-formed file");
    assert_eq!(count, 4);
    assert_eq!(
        failures,
        [
            "test.txt line 8: the wrong reason\n   \
             got  expect plan.name Missing\n   \
             want expect plan.name WrongType(Text)",
            "test.txt line 13: a problem in text that reads\n   \
             got  expect nothing\n   \
             want expect plan.name Missing",
        ]
    );
    // The function every case file's test calls fails on such a file.
    let checked = std::panic::catch_unwind(|| check_case_file("test.txt", contents));
    assert!(checked.is_err(), "a wrong expectation passed");
}

#[test]
fn the_case_runner_refuses_a_malformed_file_naming_its_line() {
    // A typo must fail the test, never make a case pass unseen (or not run at all).
    let case = |lines: &str| format!("decode record\n## a case\nfrom example\n{lines}\n");
    let expect = "expect plan.name WrongType(Text)";
    for (contents, error) in [
        (
            case(&format!("sett /plan/name 5\n{expect}")),
            "line 4: unknown command `sett`",
        ),
        (
            case(&format!("set /plan/name five\n{expect}")),
            "line 4: `five` is not JSON",
        ),
        (
            case(&format!("set /plan/nmae 5\n{expect}")),
            "line 4: no /plan/nmae in",
        ),
        (
            case(&format!("set plan/name 5\n{expect}")),
            "line 4: `plan/name` is not a pointer",
        ),
        (
            case(&format!("remove /plan/nmae\n{expect}")),
            "line 4: no /plan/nmae in",
        ),
        (
            case(&format!("insert /plan name \"A\"\n{expect}")),
            "line 4: /plan has a field `name`",
        ),
        (
            case(&format!("repeat /plan/name\n{expect}")),
            "line 4: /plan/name is not an element",
        ),
        (
            case(&format!("copy /plan/nmae /plan/name\n{expect}")),
            "line 4: no /plan/nmae in",
        ),
        (
            case(&format!("parse /plan/goal\n{expect}")),
            "line 4: `revenue` is not JSON",
        ),
        (
            case(&format!("stages /plan/stages many\n{expect}")),
            "line 4: `stages` takes",
        ),
        (
            case(&format!("{expect}\nset /plan/name 5")),
            "line 5: edits come before",
        ),
        (
            case("expect plan.name"),
            "line 4: `expect` takes a path and a reason",
        ),
        (
            case("set /plan/name 5"),
            "line 2: case `a case` has no `expect` line",
        ),
        (
            case("expect nothing\nexpect plan.name Missing"),
            "line 2: case `a case` expects nothing",
        ),
        (
            case("from example\nexpect nothing"),
            "line 4: a case starts once",
        ),
        (
            "decode record\n## a case\nfrom sample\nexpect nothing\n".to_owned(),
            "line 3: no base `sample`",
        ),
        (
            "decode record\n## a case\ntext [5]\nexpect nothing\n".to_owned(),
            "line 3: `[5]` is not a JSON string",
        ),
        (
            "decode record\n## a case\ntext \"{}\"\nset /a 5\nexpect nothing\n".to_owned(),
            "line 4: a `text` is not edited",
        ),
        (
            "decode record\n## a case\nexpect nothing\n".to_owned(),
            "line 2: case `a case` has no `from` or `text`",
        ),
        (
            "decode recrd\n## a case\nfrom example\nexpect nothing\n".to_owned(),
            "line 1: no decoder `recrd`",
        ),
        (
            "## a case\nfrom example\nexpect nothing\n".to_owned(),
            "line 1: `## a case`: a file says once",
        ),
        (
            "decode record\ndecode import\n".to_owned(),
            "line 2: `decode import`: a file says once",
        ),
        (
            "decode record\n# no case\n".to_owned(),
            "test.txt: no cases",
        ),
    ] {
        match differing_cases("test.txt", &contents) {
            Err(message) => assert!(
                message.starts_with("test.txt") && message.contains(error),
                "{message}\nwithout {error}, for\n{contents}"
            ),
            Ok(_) => panic!("read as well formed:\n{contents}"),
        }
    }
}

/// Reads a case file, decodes every case's text and fails naming every case whose problems
/// differ from its `expect` lines, all at once, or the first line that cannot be read.
pub fn check_case_file(file: &str, contents: &str) {
    let (count, failures) =
        differing_cases(file, contents).unwrap_or_else(|error| panic!("{error}"));
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// How many cases a case file holds and a report of each that differs, or why the file cannot
/// be read.
fn differing_cases(file: &str, contents: &str) -> Result<(usize, Vec<String>), String> {
    let (decoder, cases) = read_case_file(file, contents)?;
    let failures = cases
        .iter()
        .filter_map(|case| {
            let got = decoder.outcome(&case.text);
            (got != case.want).then(|| {
                format!(
                    "{file} line {}: {}\n   got  {}\n   want {}",
                    case.line,
                    case.name,
                    got.as_written(),
                    case.want.as_written()
                )
            })
        })
        .collect();
    Ok((cases.len(), failures))
}

/// How the texts of a case file are read, as its `decode` line says.
#[derive(Debug, Clone, Copy)]
enum CaseDecoder {
    /// As the browser's store is read (`decode_record`).
    Record,
    /// As a file a person imports is read (`decode_import`).
    Import,
}

/// What decoding gave, in the terms of a case file: every problem as its path and the Debug text
/// of its reason, so an expectation and the decoder's answer compare exactly.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Read without a problem (`expect nothing`).
    Reads,
    /// Refused with these problems (path, reason), in the order named.
    Problems(Vec<(String, String)>),
    /// Refused some other way (written by a newer version, too large), which no case can expect.
    Other(String),
}

impl CaseDecoder {
    fn outcome(self, text: &str) -> Outcome {
        let problems = match self {
            Self::Record => match decode_record(text) {
                Ok(_) => return Outcome::Reads,
                Err(DecodeError::Damaged(problems)) => problems,
                Err(other) => return Outcome::Other(format!("{other:?}")),
            },
            Self::Import => match decode_import(text) {
                Ok(_) => return Outcome::Reads,
                Err(ImportError::Problems(problems)) => problems,
                Err(other) => return Outcome::Other(format!("{other:?}")),
            },
        };
        Outcome::Problems(
            problems
                .iter()
                .map(|problem| (problem.path.clone(), format!("{:?}", problem.reason)))
                .collect(),
        )
    }
}

impl Outcome {
    /// As a case file's `expect` lines would say it, for a report.
    fn as_written(&self) -> String {
        match self {
            Self::Reads => "expect nothing".to_owned(),
            Self::Problems(problems) if problems.is_empty() => {
                "an empty list of problems".to_owned()
            }
            Self::Problems(problems) => problems
                .iter()
                .map(|(path, reason)| {
                    let path = if path.is_empty() { "\"\"" } else { path };
                    format!("expect {path} {reason}")
                })
                .collect::<Vec<_>>()
                .join("; "),
            Self::Other(error) => format!("no list of problems but {error}"),
        }
    }
}

/// One case of a case file, read.
struct FileCase {
    /// The line of its `##` heading, to name it in a report.
    line: usize,
    name: String,
    /// The text to decode: its base with every edit made, or the text given.
    text: String,
    want: Outcome,
}

/// A case file's case while its lines are read.
struct CaseBeingRead {
    line: usize,
    name: String,
    start: Option<CaseStart>,
    problems: Vec<(String, String)>,
    reads: bool,
}

/// What a case's text starts from.
enum CaseStart {
    /// A written plan to edit, and whether it is written back indented (as an export file is)
    /// rather than compact (as a record is), just as the Rust helpers write it.
    Tree { value: Value, pretty: bool },
    /// The whole text, as given: not edited.
    Text(String),
}

/// Every case of a case file and how its texts are read, or the first line that cannot be read
/// (named by the file and the line).
fn read_case_file(file: &str, contents: &str) -> Result<(CaseDecoder, Vec<FileCase>), String> {
    let mut decoder = None;
    let mut cases = Vec::new();
    let mut case: Option<CaseBeingRead> = None;
    for (index, line_text) in contents.lines().enumerate() {
        let line = index + 1;
        let at_line = |message: String| format!("{file} line {line}: {message}");
        let text = line_text.trim();
        if text.is_empty() || (text.starts_with('#') && !text.starts_with("##")) {
            continue;
        }
        let (command, rest) = text.split_once(' ').unwrap_or((text, ""));
        let rest = rest.trim();
        if command == "##" || command == "decode" {
            if let Some(done) = case.take() {
                cases.push(done.finish(file)?);
            }
        }
        match (command, &mut case) {
            ("decode", None) if decoder.is_none() && cases.is_empty() => {
                decoder = Some(match rest {
                    "record" => CaseDecoder::Record,
                    "import" => CaseDecoder::Import,
                    _ => return Err(at_line(format!("no decoder `{rest}`: record or import"))),
                });
            }
            ("##", _) if decoder.is_some() && !rest.is_empty() => {
                case = Some(CaseBeingRead {
                    line,
                    name: rest.to_owned(),
                    start: None,
                    problems: Vec::new(),
                    reads: false,
                });
            }
            ("##", _) if decoder.is_some() => {
                return Err(at_line("a case needs a name".to_owned()))
            }
            (_, Some(open)) if command != "decode" => open.read(command, rest).map_err(at_line)?,
            _ => {
                return Err(at_line(format!(
                    "`{text}`: a file says once, before its first case, how its texts are read \
                     (`decode record` or `decode import`); then every case starts with `## <name>`"
                )))
            }
        }
    }
    if let Some(done) = case.take() {
        cases.push(done.finish(file)?);
    }
    match decoder {
        Some(decoder) if !cases.is_empty() => Ok((decoder, cases)),
        _ => Err(format!(
            "{file}: no cases: a file that tests nothing is a mistake"
        )),
    }
}

impl CaseBeingRead {
    /// Reads one line of the case (not its heading).
    fn read(&mut self, command: &str, rest: &str) -> Result<(), String> {
        match command {
            "from" | "text" if self.start.is_some() => {
                Err("a case starts once, with one `from` or `text`".to_owned())
            }
            "from" => {
                let (text, pretty) = case_base(rest).ok_or_else(|| format!("no base `{rest}`"))?;
                let value = serde_json::from_str(&text).expect("every base is JSON");
                self.start = Some(CaseStart::Tree { value, pretty });
                Ok(())
            }
            "text" => {
                let text: String = serde_json::from_str(rest)
                    .map_err(|error| format!("`{rest}` is not a JSON string: {error}"))?;
                self.start = Some(CaseStart::Text(text));
                Ok(())
            }
            "expect" if rest == "nothing" => {
                self.reads = true;
                Ok(())
            }
            "expect" => {
                let (path, reason) = rest
                    .split_once(' ')
                    .ok_or("`expect` takes a path and a reason, or `nothing`")?;
                let path = if path == "\"\"" { "" } else { path };
                self.problems
                    .push((path.to_owned(), reason.trim().to_owned()));
                Ok(())
            }
            _ if self.reads || !self.problems.is_empty() => {
                Err("edits come before the `expect` lines".to_owned())
            }
            _ => match &mut self.start {
                Some(CaseStart::Tree { value, .. }) => edit_case_tree(value, command, rest),
                Some(CaseStart::Text(_)) => Err("a `text` is not edited".to_owned()),
                None => Err(format!("`{command}` before the case's `from`")),
            },
        }
    }

    /// The case read, once its last line is.
    fn finish(self, file: &str) -> Result<FileCase, String> {
        let failed =
            |message: &str| format!("{file} line {}: case `{}` {message}", self.line, self.name);
        let want = match (self.reads, self.problems.is_empty()) {
            (false, true) => return Err(failed("has no `expect` line")),
            (true, false) => return Err(failed("expects nothing and problems too")),
            (true, true) => Outcome::Reads,
            (false, false) => Outcome::Problems(self.problems),
        };
        let text = match self.start {
            None => return Err(failed("has no `from` or `text` line")),
            Some(CaseStart::Tree {
                value,
                pretty: true,
            }) => serde_json::to_string_pretty(&value).expect("JSON serialises"),
            Some(CaseStart::Tree {
                value,
                pretty: false,
            }) => value.to_string(),
            Some(CaseStart::Text(text)) => text,
        };
        Ok(FileCase {
            line: self.line,
            name: self.name,
            text,
            want,
        })
    }
}

/// Makes one edit of a case file to a JSON tree: every place named must exist (or, for
/// `insert`, must not yet), so a mistyped pointer fails instead of leaving the text unchanged.
fn edit_case_tree(value: &mut Value, command: &str, rest: &str) -> Result<(), String> {
    /// The first word of `text` and the rest.
    fn word(text: &str) -> (&str, &str) {
        text.split_once(' ')
            .map_or((text, ""), |(first, rest)| (first, rest.trim()))
    }
    /// A JSON pointer as a case file writes it (`""` for the whole text).
    fn pointer(word: &str) -> Result<&str, String> {
        match word {
            "\"\"" => Ok(""),
            _ if word.starts_with('/') => Ok(word),
            _ => Err(format!(
                "`{word}` is not a pointer: a pointer starts with / (or is \"\")"
            )),
        }
    }
    fn json(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|error| format!("`{text}` is not JSON: {error}"))
    }
    fn nothing_after(rest: &str) -> Result<(), String> {
        match rest {
            "" => Ok(()),
            _ => Err(format!("`{rest}` after the pointer")),
        }
    }
    fn exists(value: &Value, at: &str) -> Result<(), String> {
        match value.pointer(at) {
            Some(_) => Ok(()),
            None => Err(format!("no {at} in the text")),
        }
    }
    let (first, rest) = word(rest);
    match command {
        "set" => {
            let at = pointer(first)?;
            exists(value, at)?;
            set(value, at, json(rest)?);
        }
        "remove" => {
            let at = pointer(first)?;
            nothing_after(rest)?;
            let (parent, key) = at
                .rsplit_once('/')
                .ok_or("the whole text cannot be removed")?;
            match value.pointer(parent) {
                Some(Value::Object(map)) if map.contains_key(key) => remove(value, at),
                _ => return Err(format!("no {at} in the text to remove from its object")),
            }
        }
        "insert" => {
            let at = pointer(first)?;
            let (key, new) = word(rest);
            match value.pointer(at) {
                Some(Value::Object(map)) if !key.is_empty() && !map.contains_key(key) => {}
                Some(Value::Object(_)) => {
                    return Err(format!(
                        "{at} has a field `{key}` already (or none is named)"
                    ))
                }
                _ => return Err(format!("no {at} in the text that is an object")),
            }
            insert(value, at, key, json(new)?);
        }
        "stages" => {
            let at = pointer(first)?;
            exists(value, at)?;
            let count = rest
                .parse()
                .map_err(|_| format!("`stages` takes a pointer and a count, not `{rest}`"))?;
            set(value, at, stages_json(count));
        }
        "repeat" => {
            let at = pointer(first)?;
            nothing_after(rest)?;
            let (parent, index) = at
                .rsplit_once('/')
                .ok_or("the whole text cannot be repeated")?;
            match (value.pointer_mut(parent), index.parse::<usize>()) {
                (Some(Value::Array(list)), Ok(index)) if index < list.len() => {
                    list.insert(index + 1, list[index].clone());
                }
                _ => return Err(format!("{at} is not an element of a list in the text")),
            }
        }
        "copy" => {
            let from = pointer(first)?;
            let (to, rest) = word(rest);
            let to = pointer(to)?;
            nothing_after(rest)?;
            let copy = value
                .pointer(from)
                .cloned()
                .ok_or_else(|| format!("no {from} in the text"))?;
            exists(value, to)?;
            set(value, to, copy);
        }
        "parse" => {
            let at = pointer(first)?;
            nothing_after(rest)?;
            let Some(Value::String(text)) = value.pointer(at) else {
                return Err(format!("no {at} in the text that is a JSON string"));
            };
            let parsed = json(text)?;
            set(value, at, parsed);
        }
        _ => return Err(format!("unknown command `{command}`: see README.md")),
    }
    Ok(())
}
