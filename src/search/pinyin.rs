//! Chinese names as their pinyin, for readers who type a place or practice in pinyin on a phone
//! or a shared PC without converting it ("shiqiao", "mu dan she qu") or do not know its
//! characters, and by initials ("blsc" for 柏林寺村). The readings come from the `pinyin`
//! crate, every reading of a character that has several (多音字), so 厦门 gives both "xiamen"
//! and "shamen": the right one is always among them, and a wrong one costs only a term.

use pinyin::ToPinyinMulti;

use super::text::is_cjk;

/// Most readings of one name kept: a long name of polyphonic characters has many.
const MAX_READINGS: usize = 16;

/// The runs of Chinese characters in `name`: a run is read as a whole, and the text around it
/// is not read at all.
pub(super) fn cjk_runs(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty())
}

/// The pinyin words of one run of Chinese characters, space-separated, appended to `out`:
/// each reading as one word, and the initials of the first readings for runs of three
/// characters or more.
pub(super) fn run_words(run: &str, out: &mut String) {
    let mut readings: Vec<String> = vec![String::new()];
    let mut initials: Vec<String> = vec![String::new()];
    let mut count = 0;
    for multi in run.to_pinyin_multi() {
        let Some(multi) = multi else {
            // A character without a reading ends what can be read.
            break;
        };
        count += 1;
        let mut options: Vec<&str> = multi.into_iter().map(|p| p.plain()).collect();
        options.dedup();
        readings = extend(&readings, &options);
        let firsts: Vec<String> = options
            .iter()
            .filter_map(|o| o.get(..1).map(str::to_owned))
            .collect();
        let firsts: Vec<&str> = firsts.iter().map(String::as_str).collect();
        initials = extend(&initials, &firsts);
    }
    if count < 2 {
        return;
    }
    let mut push = |w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    readings.iter().for_each(|r| push(r));
    if count >= 3 {
        initials.iter().for_each(|r| push(r));
    }
}

/// Every way of continuing one of `so_far` with one of `next`, at most [`MAX_READINGS`], the
/// first options first.
fn extend(so_far: &[String], next: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in next {
        for s in so_far {
            let w = format!("{s}{n}");
            if out.len() < MAX_READINGS && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cjk_runs, run_words};

    fn words(name: &str, out: &mut String) {
        cjk_runs(name).for_each(|r| run_words(r, out));
    }

    fn of(name: &str) -> Vec<String> {
        let mut out = String::new();
        words(name, &mut out);
        out.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn names_are_read_every_way_and_by_initials() {
        let w = of("柏林寺村");
        assert!(w.contains(&"bailinsicun".to_owned()), "{w:?}");
        assert!(w.contains(&"blsc".to_owned()), "{w:?}");
        for (name, reading) in [
            ("厦门", "xiamen"),
            ("长沙", "changsha"),
            ("重庆", "chongqing"),
            ("曾厝垵", "zengcuoan"),
            ("牡丹社区", "mudanshequ"),
        ] {
            assert!(
                of(name).contains(&reading.to_owned()),
                "{name}: {:?}",
                of(name)
            );
        }
        assert!(
            !of("厦门").iter().any(|w| w.len() == 2),
            "no initials for two characters"
        );
    }

    #[test]
    fn text_around_the_chinese_is_left_out() {
        let w = of("“三步”议事");
        assert!(
            w.contains(&"sanbu".to_owned()) && w.contains(&"yishi".to_owned()),
            "{w:?}"
        );
        assert!(
            w.iter().all(|x| x.chars().all(|c| c.is_ascii_lowercase())),
            "{w:?}"
        );
        let mut out = String::new();
        words("Bailinsi Village", &mut out);
        assert!(out.is_empty());
    }
}
