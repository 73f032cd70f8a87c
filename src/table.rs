//! Rows of the tab-separated tables shipped in `data/`.

/// The rows of a shipped table: each line split on tabs with its fields trimmed, leaving out
/// blank lines and `#` comments.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn comments_and_blank_lines_are_not_rows_and_fields_are_trimmed() {
        let text = "# kind\tform\n\nen\tword \twas\n  \nru\tend\n";
        let got: Vec<Vec<&str>> = rows(text).collect();
        assert_eq!(got, vec![vec!["en", "word", "was"], vec!["ru", "end"]]);
    }
}
