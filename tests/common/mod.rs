//! Helpers shared by the integration tests.

/// The data rows of a TSV fixture (after its `#` comment lines and header
/// row), split on tabs.
pub fn tsv_rows(path: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}
