//! Class k of a K-class synthesized dataset is the decimal numeral of k, zero-padded to the number of
//! digits of K − 1 (METHOD.md stage 1): K = 10 → "0".."9"; K = 11 → "00".."10"; K = 100 → "00".."99".

/// Number of digits d in each numeral of a K-class dataset (K ≥ 2).
pub fn digits_for(classes: usize) -> usize {
    let mut d = 1;
    let mut top = classes.saturating_sub(1) / 10;
    while top > 0 {
        d += 1;
        top /= 10;
    }
    d
}

/// The digits of class `k`, most significant first, zero-padded to `d`.
pub fn numeral(k: usize, d: usize) -> Vec<u8> {
    let mut out = vec![0u8; d];
    let mut v = k;
    for slot in out.iter_mut().rev() {
        *slot = (v % 10) as u8;
        v /= 10;
    }
    out
}

/// The label as text, e.g. "07".
pub fn numeral_text(k: usize, d: usize) -> String {
    numeral(k, d).iter().map(|x| char::from(b'0' + x)).collect()
}
