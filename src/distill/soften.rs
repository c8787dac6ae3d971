//! Re-softening stored outputs on the host, for the soft-target explorer: the page keeps each network's
//! raw outputs (logits) and redraws softmax(z / T) for any T the slider picks, without retraining.

/// softmax(z / t), computed stably (the largest logit is subtracted first).
pub fn soften(logits: &[f32], t: f32) -> Vec<f32> {
    let t = t.max(1e-3);
    let top = logits.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = logits.iter().map(|z| ((z - top) / t).exp()).collect();
    let sum: f32 = e.iter().sum();
    e.into_iter().map(|x| x / sum).collect()
}

/// Shannon entropy in bits: 0 for a one-hot distribution, log₂ K for the uniform one.
pub fn entropy_bits(p: &[f32]) -> f32 {
    p.iter().filter(|&&x| x > 0.0).map(|&x| -x * x.log2()).sum()
}
