//! Development helper: how often the past marks of a translation pair agree (`align::mine::tense`),
//! over the pairs of two line-aligned files, and the pairs where they do not.
//!
//! Usage: cargo run --release --example tense_check -- EN_FILE XX_FILE XX_LANG [N_SHOWN]
use talign::align::mine::tense::past_tense;
use talign::align::tokens::word_tokens;
use talign::Lang;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(en_path), Some(xx_path), Some(code)) = (args.first(), args.get(1), args.get(2))
    else {
        anyhow::bail!("usage: tense_check EN_FILE XX_FILE XX_LANG [N_SHOWN]");
    };
    let shown: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(20);
    let en = Lang::new("en").ok_or_else(|| anyhow::anyhow!("no en"))?;
    let xx = Lang::new(code).ok_or_else(|| anyhow::anyhow!("unknown language {code}"))?;
    let mark = |text: &str, lang: Lang| {
        let words = word_tokens(text, lang);
        past_tense(words.iter().map(|w| w.text.as_str()), lang)
    };
    let a = std::fs::read_to_string(en_path)?;
    let b = std::fs::read_to_string(xx_path)?;
    let mut table = [[0usize; 2]; 2];
    let mut printed = 0;
    for (e, f) in a.lines().zip(b.lines()) {
        let (Some(pe), Some(pf)) = (mark(e, en), mark(f, xx)) else {
            continue;
        };
        table[usize::from(pe)][usize::from(pf)] += 1;
        if pe != pf && printed < shown {
            println!("{} {}\t{e}\t{f}", u8::from(pe), u8::from(pf));
            printed += 1;
        }
    }
    let n: usize = table.iter().flatten().sum();
    let agree = table[0][0] + table[1][1];
    println!(
        "{code}: {n} pairs, agree {:.3} (both past {}, neither {}, only en {}, only {code} {})",
        agree as f64 / n.max(1) as f64,
        table[1][1],
        table[0][0],
        table[1][0],
        table[0][1]
    );
    Ok(())
}
