//! `talign eval langid`: language-identification accuracy on gold folders and span accuracy on
//! code-switched lines; also writes such lines from a gold folder's sentences.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Args;

use talign::eval::langid::{
    evaluate_dir, evaluate_spans, format_spans, language_folders, read_span_file, LangidReport,
    SpanReport,
};
use talign::lang::codeswitch::{generate, CodeSwitchConfig, DEFAULT_SEED};
use talign::lang::Detector;
use talign::read::decode_text;

use super::detect::{parse_langs, LangList};
use super::Outcome;

/// Score language identification against gold data.
///
/// DIR holds one folder per language (ISO 639-1 code) with any of `sentences.txt`,
/// `word-pairs.txt`, `single-words.txt`, one item a line; each item is detected alone. Prints the
/// accuracy per language and kind, the mean per kind and the costliest confusions. With `--spans
/// FILE`, scores language spans instead: FILE has one `start:end:lang ...<TAB>text` line per item
/// (byte offsets), and the figure is the share of non-space characters given the right language.
#[derive(Args, Debug)]
pub struct LangidArgs {
    /// Gold folder: DIR/<lang>/{sentences,word-pairs,single-words}.txt.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Score language spans on this gold file of code-switched lines instead.
    #[arg(long, value_name = "FILE")]
    pub spans: Option<PathBuf>,

    /// Write code-switched lines built from DIR's sentences to FILE (the `--spans` format), then stop.
    #[arg(long, value_name = "FILE", requires = "dir")]
    pub write_code_switched: Option<PathBuf>,

    /// Lines to write with --write-code-switched.
    #[arg(long, default_value_t = 1000)]
    pub count: usize,

    /// Seed for --write-code-switched (the same seed gives the same lines).
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,

    /// Allowed languages (ISO 639-1, comma-separated); default: DIR's language folders.
    #[arg(long, value_name = "LIST", value_parser = parse_langs)]
    pub langs: Option<LangList>,

    /// Allow every supported language, as `talign detect` without `--langs` does (the default
    /// allows DIR's language folders).
    #[arg(long, conflicts_with = "langs")]
    pub any_lang: bool,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    /// Confusions to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

/// Runs `talign eval langid`.
pub fn run(args: LangidArgs) -> anyhow::Result<Outcome> {
    let langs = args.langs.as_ref().map(|l| l.0.clone());
    if let (Some(out), Some(dir)) = (&args.write_code_switched, &args.dir) {
        return write_code_switched(dir, out, langs.as_deref(), &args);
    }
    let mut stdout = io::stdout().lock();
    if let Some(path) = &args.spans {
        let lines = read_span_file(path)?;
        let allow = match &langs {
            Some(l) => l.clone(),
            None => span_langs(&lines),
        };
        let report = evaluate_spans(&lines, &Detector::new(Some(&allow)));
        let text = if args.json {
            serde_json::to_string_pretty(&report)? + "\n"
        } else {
            span_text(&report)
        };
        stdout.write_all(text.as_bytes())?;
        return Ok(Outcome::Done);
    }
    let Some(dir) = &args.dir else {
        bail!("give a gold folder DIR, or --spans FILE");
    };
    let allow = match &langs {
        Some(l) => l.clone(),
        None => language_folders(dir, None)?
            .into_iter()
            .map(|(l, _)| l)
            .collect(),
    };
    let detector = if args.any_lang {
        Detector::new(None)
    } else {
        Detector::new(Some(&allow))
    };
    let report = evaluate_dir(dir, &detector, Some(&allow))?;
    let text = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        report_text(&report, args.top)
    };
    stdout.write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}

/// The gold languages of span lines, sorted.
fn span_langs(lines: &[talign::eval::langid::SpanLine]) -> Vec<talign::Lang> {
    let mut langs: Vec<talign::Lang> = lines
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.lang))
        .collect();
    langs.sort();
    langs.dedup();
    langs
}

fn write_code_switched(
    dir: &std::path::Path,
    out: &std::path::Path,
    langs: Option<&[talign::Lang]>,
    args: &LangidArgs,
) -> anyhow::Result<Outcome> {
    let mut sources = Vec::new();
    for (lang, folder) in language_folders(dir, langs)? {
        let path = folder.join("sentences.txt");
        if !path.is_file() {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
        let text = decode_text(&path.display().to_string(), bytes)?;
        sources.push((lang, text.lines().map(str::to_string).collect::<Vec<_>>()));
    }
    let config = CodeSwitchConfig {
        lines: args.count,
        seed: args.seed,
        ..CodeSwitchConfig::default()
    };
    let lines = generate(&sources, config);
    if lines.is_empty() {
        bail!(
            "{}: need sentences.txt in at least two language folders",
            dir.display()
        );
    }
    let mut body = String::new();
    for line in &lines {
        let _ = writeln!(body, "{}\t{}", format_spans(&line.spans), line.text);
    }
    fs::write(out, body).with_context(|| format!("{}: cannot write", out.display()))?;
    Ok(Outcome::Done)
}

fn report_text(report: &LangidReport, top: usize) -> String {
    let kinds: Vec<&String> = report.mean.keys().collect();
    let mut out = String::new();
    let _ = write!(out, "{:<6}", "lang");
    for k in &kinds {
        let _ = write!(out, " {:>13}", k);
    }
    out.push('\n');
    for lang in &report.langs {
        let _ = write!(out, "{:<6}", lang.as_str());
        for k in &kinds {
            let acc = report
                .scores
                .iter()
                .find(|s| s.lang == *lang && &&s.kind == k)
                .map_or("-".to_string(), |s| format!("{:.4}", s.accuracy));
            let _ = write!(out, " {acc:>13}");
        }
        out.push('\n');
    }
    let _ = write!(out, "{:<6}", "mean");
    for k in &kinds {
        let _ = write!(
            out,
            " {:>13.4}",
            report.mean.get(*k).copied().unwrap_or(0.0)
        );
    }
    out.push_str("\n\ncostliest confusions (gold -> given, kind, items):\n");
    for c in report.confusions.iter().take(top) {
        let _ = writeln!(
            out,
            "  {} -> {}  {:<13} {}",
            c.gold, c.predicted, c.kind, c.count
        );
    }
    out.push_str("\nconfusion pairs (either direction, all kinds):\n");
    for p in report.confusion_pairs.iter().take(top) {
        let _ = writeln!(out, "  {}/{}  {}", p.langs[0], p.langs[1], p.count);
    }
    out.push_str("\nreliability (confidence -> answers, accuracy):\n");
    for b in &report.reliability {
        let _ = writeln!(
            out,
            "  [{:.2}, {:.2}{}  {:>7}  {:.4}",
            b.from,
            b.to,
            if b.to >= 1.0 { "]" } else { ")" },
            b.answers,
            b.accuracy
        );
    }
    out.push_str("\nleast reliable confident answers (confidence >= 0.9: lang, answers, right):\n");
    for c in report.confident.iter().take(top) {
        let _ = writeln!(out, "  {}  {:>6}  {:.4}", c.lang, c.answers, c.precision);
    }
    out
}

fn span_text(report: &SpanReport) -> String {
    format!(
        "lines {}\nnon-space characters {}\ncharacter accuracy {:.4}\nlines with the right language sequence {} ({:.4})\n",
        report.lines,
        report.chars,
        report.char_accuracy,
        report.lines_with_right_languages,
        report.lines_with_right_languages as f64 / report.lines.max(1) as f64
    )
}
