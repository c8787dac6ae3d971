//! What the person asked the running stage to do: the word a host's checkpoint reads (and the page
//! sends to its training worker).

/// What the user asked the running stage to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Control {
    Run,
    Pause,
    Cancel,
}
