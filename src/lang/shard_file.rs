//! Writes tables in the shard format [`super::model::NgramModel`] reads: the character n-gram model
//! (`examples/build_lang_model.rs`) and the word-frequency table (`examples/build_word_table.rs`)
//! share it, so both are read in place by the same look-up.

use super::model::{bucket, fingerprint, ngram_hash, MAGIC};

/// A key's values: `(language slot, quantised value)` pairs.
pub type Values = Vec<(u8, u8)>;

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// A bucket would hold more keys than its one-byte count can say.
    #[error("a bucket holds over 255 keys: raise the bucket count")]
    BucketFull,
    /// A key has more values than its one-byte count can say.
    #[error("a key has over 255 values")]
    TooManyValues,
    /// A shard outgrew the 32-bit offsets.
    #[error("a shard is over 4 GiB")]
    TooLarge,
    /// A language code is not two ASCII letters.
    #[error("language code {0:?} is not two letters")]
    BadCode(String),
}

/// The `2^shard_bits` shard files of a table mapping each key (UTF-8 bytes) to its values, for the
/// languages `codes` (slot order), with about `per_bucket` keys a bucket.
pub fn write_shards(
    codes: &[&str],
    entries: Vec<(Vec<u8>, Values)>,
    per_bucket: usize,
    shard_bits: u32,
) -> Result<Vec<Vec<u8>>, ShardError> {
    if let Some(bad) = codes.iter().find(|c| c.len() != 2 || !c.is_ascii()) {
        return Err(ShardError::BadCode((*bad).to_string()));
    }
    let bits = ((entries.len() / per_bucket.max(1)).max(2) as f64)
        .log2()
        .ceil()
        .max(f64::from(shard_bits + 1)) as u32;
    let n_buckets = 1usize << bits;
    let mut by_bucket: Vec<Vec<(u16, Values)>> = vec![Vec::new(); n_buckets];
    let mut entries = entries;
    entries.sort();
    for (key, mut values) in entries {
        values.sort();
        let h = ngram_hash(&key);
        if let Some(b) = by_bucket.get_mut(bucket(h, bits)) {
            b.push((fingerprint(h), values));
        }
    }
    let per_shard = n_buckets >> shard_bits;
    let mut files = Vec::with_capacity(1 << shard_bits);
    for (index, shard_buckets) in by_bucket.chunks(per_shard).enumerate() {
        let mut offsets = Vec::with_capacity((per_shard + 1) * 4);
        let mut blob = Vec::new();
        for items in shard_buckets {
            let at = u32::try_from(blob.len()).map_err(|_| ShardError::TooLarge)?;
            offsets.extend_from_slice(&at.to_le_bytes());
            blob.push(u8::try_from(items.len()).map_err(|_| ShardError::BucketFull)?);
            let mut values = Vec::new();
            for (fp, vals) in items {
                blob.extend_from_slice(&fp.to_le_bytes());
                blob.push(u8::try_from(vals.len()).map_err(|_| ShardError::TooManyValues)?);
                for &(slot, q) in vals {
                    values.push(slot);
                    values.push(q);
                }
            }
            blob.extend_from_slice(&values);
        }
        let len = u32::try_from(blob.len()).map_err(|_| ShardError::TooLarge)?;
        offsets.extend_from_slice(&len.to_le_bytes());
        let mut file = Vec::with_capacity(32 + codes.len() * 2 + offsets.len() + blob.len());
        file.extend_from_slice(MAGIC);
        file.extend_from_slice(&(codes.len() as u32).to_le_bytes());
        for code in codes {
            file.extend_from_slice(code.as_bytes());
        }
        file.extend_from_slice(&bits.to_le_bytes());
        file.extend_from_slice(&shard_bits.to_le_bytes());
        file.extend_from_slice(&(index as u32).to_le_bytes());
        file.extend_from_slice(&len.to_le_bytes());
        file.extend_from_slice(&offsets);
        file.extend_from_slice(&blob);
        files.push(file);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::super::model::NgramModel;
    use super::*;

    #[test]
    fn a_written_table_reads_back() {
        let entries = vec![
            (b"haus".to_vec(), vec![(1, 30), (0, 55)]),
            (b"house".to_vec(), vec![(0, 25)]),
            ("дом".as_bytes().to_vec(), vec![(2, 28)]),
        ];
        let files = write_shards(&["en", "de", "ru"], entries, 2, 1).unwrap_or_default();
        assert_eq!(files.len(), 2);
        let files: Vec<&'static [u8]> = files
            .into_iter()
            .map(|f| &*Box::leak(f.into_boxed_slice()))
            .collect();
        let table = NgramModel::from_shards(&files);
        assert!(table.is_some(), "the written shards parse");
        let Some(table) = table else { return };
        assert_eq!(table.values("haus"), &[0, 55, 1, 30]);
        assert_eq!(table.values("дом"), &[2, 28]);
        assert!(table.values("maison").is_empty());
        assert!(matches!(
            write_shards(&["eng"], Vec::new(), 2, 0),
            Err(ShardError::BadCode(_))
        ));
    }
}
