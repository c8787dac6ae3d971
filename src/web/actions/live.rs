//! *Run it live* on a recorded run: the recorded settings go into the form, the digits and the
//! training module load, and the whole comparison trains as *Run the whole demo* would (in an embed,
//! after any other embed of the page has finished: `autoplay` takes turns).

use crate::pipeline::url::from_query;
use crate::web::state::AppState;

use super::startup;

pub fn run(state: AppState, query: &str) {
    if state.busy_now() {
        return;
    }
    state.return_to(from_query(query).0);
    startup::wake(state);
    state.request_demo();
}
