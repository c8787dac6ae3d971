//! What the person (or autoplay) starts: each action checks its inputs, changes the store, and runs
//! its work — in the training worker through [`job::run_job`] for stages 2 and 3. Panels only call
//! these; they do not hold logic of their own.

pub mod autoplay;
pub mod backend;
pub mod distill;
pub mod evaluate;
pub mod gpu_lost;
mod heavy_ahead;
mod job;
pub mod leaving;
pub mod live;
pub mod own_images;
mod pool;
mod pool_size;
pub mod startup;
pub mod synthesize;
pub mod targets;
pub mod teacher;
