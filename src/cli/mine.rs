//! `talign mine`: translation-pair search between two sets of segments in different languages.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use talign::align::mine::{mine_with_langs, MineHit, MineOptions, DEFAULT_THRESHOLD};
use talign::align::Lexicon;
use talign::read::read_document;
use talign::run::quotes::{guess_side_langs, parse_posts, Post};
use talign::segment::{segment, segment_lines};
use talign::{Lang, SegmentKind};

use super::output::open_output;
use super::Outcome;

/// Output formats of `talign mine`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MineFormat {
    /// CSV with header: query_id,pool_id,score,margin,accepted,query_text,pool_text.
    Csv,
    /// `query_index<TAB>pool_index<TAB>score<TAB>margin<TAB>accepted`, 0-based, `-` when no pool
    /// entry was found: the test format of `talign eval mine`.
    Ids,
}

/// Find, for each query, its translation (or original) in a pool of texts in another language.
#[derive(Debug, Args)]
#[command(
    long_about = "Translation-pair search without a bilingual model. Each query finds at \
                  most one entry of the pool and each pool entry serves at most one query. \
                  Evidence: lexicon translations matched stem to stem (Snowball stemmers; small \
                  core lexicons for English with Russian, Spanish and Ukrainian ship with \
                  talign, more with --lexicon), names and cognates across scripts, numbers, \
                  URLs, @mentions, #hashtags, ? and !, and the length ratio; words weigh by \
                  rarity. Candidates come from an inverted index; scores become margins over \
                  both sides' nearest neighbours; a greedy one-to-one assignment decides. \
                  Positions in the input files are never evidence.\n\n\
                  Inputs are text files (segmented into sentences and quotes, or one segment a \
                  line with --lines) or JSONL files of {\"id\", \"text\", optional \"lang\"}."
)]
pub struct MineArgs {
    /// The texts to find translations for (`-` for stdin).
    pub queries: PathBuf,
    /// The texts to search among.
    pub pool: PathBuf,
    /// Bilingual word list (`english<TAB>foreign` or `foreign @ english`); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Do not use the core lexicons shipped with talign.
    #[arg(long)]
    pub no_core_lexicon: bool,
    /// Text inputs hold one segment a line (no sentence splitting); ids are 0-based line indices.
    #[arg(long)]
    pub lines: bool,
    /// Language of the queries (ISO 639-1); guessed per text when absent.
    #[arg(long, value_name = "LANG")]
    pub query_lang: Option<Lang>,
    /// Language of the pool; guessed per text when absent.
    #[arg(long, value_name = "LANG")]
    pub pool_lang: Option<Lang>,
    /// Least margin for a pair to be accepted (higher: fewer, surer pairs).
    #[arg(long, value_name = "X", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MineFormat::Csv)]
    pub format: MineFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// True when a file holds JSONL posts: a `.jsonl` name, or a first non-blank character `{`.
fn is_jsonl(path: &Path, text: &str) -> bool {
    path.extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson")
        || text.trim_start().starts_with('{')
}

/// Reads one side as posts: JSONL entries, lines, or the content segments of a text.
fn read_side(path: &Path, lines: bool) -> anyhow::Result<Vec<Post>> {
    let doc = read_document(path)?;
    let name = path.display().to_string();
    if is_jsonl(path, &doc.text) {
        return parse_posts(&doc.text, &name).with_context(|| format!("{name}: not JSONL posts"));
    }
    let segs = if lines {
        segment_lines(&doc.text)
    } else {
        segment(&doc)
            .into_iter()
            .filter(|s| !matches!(s.kind, SegmentKind::Boilerplate | SegmentKind::Marker))
            .collect()
    };
    Ok(segs
        .iter()
        .enumerate()
        .map(|(k, s)| Post {
            id: k.to_string(),
            text: s.text(&doc.text).to_string(),
            lang: None,
        })
        .collect())
}

/// The language of each post: the flag, the post's own `lang`, or a guess from the side's texts.
fn with_langs(posts: &[Post], fixed: Option<Lang>) -> Vec<(&str, Lang)> {
    let texts: Vec<&str> = posts.iter().map(|p| p.text.as_str()).collect();
    let guessed = guess_side_langs(&texts);
    posts
        .iter()
        .zip(guessed)
        .map(|(p, g)| (p.text.as_str(), fixed.or(p.lang).unwrap_or(g)))
        .collect()
}

/// Runs `talign mine`.
pub fn run(args: MineArgs) -> anyhow::Result<Outcome> {
    let queries = read_side(&args.queries, args.lines)?;
    let pool = read_side(&args.pool, args.lines)?;
    let lexicons = args
        .lexicon
        .iter()
        .map(Lexicon::load)
        .collect::<Result<Vec<_>, _>>()?;
    let opts = MineOptions {
        lexicons,
        core_lexicon: !args.no_core_lexicon,
        threshold: args.threshold,
        ..MineOptions::default()
    };
    let hits = mine_with_langs(
        &with_langs(&queries, args.query_lang),
        &with_langs(&pool, args.pool_lang),
        &opts,
    );
    let mut out = open_output(args.output.as_deref())?;
    match args.format {
        MineFormat::Ids => write_ids(&mut out, &hits)?,
        MineFormat::Csv => write_csv(&mut out, &hits, &queries, &pool)?,
    }
    out.flush()?;
    Ok(Outcome::Done)
}

fn write_ids(out: &mut dyn Write, hits: &[MineHit]) -> anyhow::Result<()> {
    for h in hits {
        let pool = h.pool.map_or_else(|| "-".to_string(), |p| p.to_string());
        writeln!(
            out,
            "{}\t{}\t{:.4}\t{:.4}\t{}",
            h.query, pool, h.score, h.margin, h.accepted
        )?;
    }
    Ok(())
}

fn write_csv(
    out: &mut dyn Write,
    hits: &[MineHit],
    queries: &[Post],
    pool: &[Post],
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "query_id",
        "pool_id",
        "score",
        "margin",
        "accepted",
        "query_text",
        "pool_text",
    ])?;
    for h in hits {
        let q = queries.get(h.query);
        let p = h.pool.and_then(|i| pool.get(i));
        w.write_record([
            q.map_or("", |q| q.id.as_str()),
            p.map_or("", |p| p.id.as_str()),
            &format!("{:.4}", h.score),
            &format!("{:.4}", h.margin),
            if h.accepted { "true" } else { "false" },
            q.map_or("", |q| q.text.as_str()),
            p.map_or("", |p| p.text.as_str()),
        ])?;
    }
    w.flush()?;
    Ok(())
}
