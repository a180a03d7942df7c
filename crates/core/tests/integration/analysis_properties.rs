use proptest::prelude::*;

use crate::support::{analyzer, assert_well_formed, terms};

/// (Traditional, Simplified) renderings of the same words.
const PAIRS: &[(&str, &str)] = &[
    ("資訊安全工程師", "资讯安全工程师"),
    ("軟體工程師", "软件工程师"),
    ("演算法", "算法"),
    ("專案經理", "项目经理"),
    ("資料庫", "数据库"),
    ("網路", "网络"),
    ("機器學習", "机器学习"),
    ("負責", "负责"),
    ("開發", "开发"),
    ("維護", "维护"),
    ("數位行銷", "数字营销"),
    ("雲端運算", "云计算"),
    ("長期照顧", "长期照顾"),
    ("半導體製程", "半导体工艺"),
    ("品質管理", "质量管理"),
    ("人工智慧", "人工智能"),
    ("臺北市", "台北市"),
    ("經驗", "经验"),
    ("證照", "资格证书"),
    ("熟悉", "熟悉"),
    ("Python", "Python"),
    ("C++", "C++"),
    ("iPAS", "iPAS"),
    ("ＡＩ", "AI"),
    ("3年", "3年"),
];

const SEPARATORS: &[&str] = &[" ", "，", "、", ", ", "; ", "\n", "/"];

/// Characters that exercise every step: Traditional, Simplified, full-width, case,
/// combining marks, emoji, punctuation.
const ALPHABET: &[char] = &[
    '資', '资', '訊', '讯', '軟', '软', '體', '体', '件', '程', '式', '序', '設', '设', '計', '计',
    '網', '网', '路', '络', '演', '算', '法', '專', '专', '案', '項', '项', '目', '工', '師', '师',
    '的', '與', '与', '安', '全', '料', '庫', '库', '數', '数', '據', '据', '位', '字', '檔', '文',
    'a', 'B', 'c', '+', '#', '.', ' ', '-', '/', 'Ｐ', 'ｙ', '１', '\u{301}', 'é', '👍', '，',
    '。', 'İ', 'ß', 'Σ', 'ﬁ', '㈱', '〇', '\u{3000}',
];

fn words() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..PAIRS.len(), 0..SEPARATORS.len()), 0..12)
}

fn render(words: &[(usize, usize)], simplified: bool) -> String {
    let mut text = String::new();
    for (word, separator) in words {
        let (traditional, simple) = PAIRS[*word];
        text.push_str(if simplified { simple } else { traditional });
        text.push_str(SEPARATORS[*separator]);
    }
    text
}

fn noisy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(ALPHABET).prop_map(String::from),
            1 => prop::sample::select(PAIRS).prop_map(|(traditional, _)| traditional.to_owned()),
            1 => any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn offsets_lie_on_char_boundaries_in_order(text in noisy_text()) {
        let tokens = analyzer().tokens(&text);
        assert_well_formed(&text, &tokens);
    }

    #[test]
    fn any_string_analyses_without_panic(text in any::<String>()) {
        let tokens = analyzer().tokens(&text);
        assert_well_formed(&text, &tokens);
        let _ = analyzer().extract(&text);
    }

    #[test]
    fn folding_is_idempotent(text in noisy_text()) {
        let once = analyzer().fold_str(&text);
        let twice = analyzer().fold_str(&once);
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn traditional_and_simplified_renderings_give_the_same_terms(words in words()) {
        let traditional = render(&words, false);
        let simplified = render(&words, true);
        prop_assert_eq!(terms(&traditional), terms(&simplified), "{} / {}", traditional, simplified);
        prop_assert_eq!(analyzer().extract(&traditional), analyzer().extract(&simplified));
    }
}
