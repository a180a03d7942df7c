use crate::support::{analyzer, assert_token, assert_well_formed, term_texts, terms};

enum Input {
    Text(&'static str),
    Generated(fn() -> String),
}

enum Expect {
    /// Same (term, position) stream as the other text.
    Same(&'static str),
    /// These terms are present.
    Has(&'static [&'static str]),
    /// These terms are absent.
    HasNot(&'static [&'static str]),
    /// Exactly these terms, in order.
    Exactly(&'static [&'static str]),
    /// At least this many tokens (for large inputs).
    AtLeast(usize),
}

struct Case {
    name: &'static str,
    input: Input,
    expect: Expect,
}

const fn case(name: &'static str, input: &'static str, expect: Expect) -> Case {
    Case { name, input: Input::Text(input), expect }
}

use Expect::*;

const CASES: &[Case] = &[
    // Traditional and Simplified characters.
    case("hant/hans: information security engineer", "資訊安全工程師", Same("资讯安全工程师")),
    case("hant/hans: programming", "程式設計", Same("程序设计")),
    case("hant/hans: network", "網路", Same("网络")),
    case("hant/hans: machine learning", "機器學習", Same("机器学习")),
    case("hant/hans: semiconductor", "半導體", Same("半导体")),
    case("hant/hans: Taipei variants", "臺北市", Same("台北市")),
    case("hant/hans: sentence", "負責軟體開發與資料庫維護", Same("负责软件开发与数据库维护")),
    case("hant/hans: mixed within one word", "資讯安全", Same("信息安全")),
    case("hant/hans: long-term care", "長期照顧服務", Same("长期照顾服务")),
    case("hant/hans: quality management", "品質管理", Same("质量管理")),
    // Taiwan and Mainland vocabulary.
    case("vocabulary: software engineer", "軟體工程師", Same("软件工程师")),
    case("vocabulary: algorithm", "演算法", Same("算法")),
    case("vocabulary: project manager", "專案經理", Same("项目经理")),
    case("vocabulary: database", "資料庫", Same("数据库")),
    case("vocabulary: data", "資料分析", Same("数据分析")),
    case("vocabulary: marketing", "行銷企劃", Same("营销策划")),
    case("vocabulary: digital marketing", "數位行銷", Same("数字营销")),
    case("vocabulary: digital transformation", "數位轉型", Same("数字化转型")),
    case("vocabulary: artificial intelligence", "人工智慧", Same("人工智能")),
    case("vocabulary: server", "伺服器", Same("服务器")),
    case("vocabulary: cloud computing", "雲端運算", Same("云计算")),
    case("vocabulary: object-oriented", "物件導向", Same("面向对象")),
    case("vocabulary: operating system", "作業系統", Same("操作系统")),
    case("vocabulary: chip", "晶片", Same("芯片")),
    case("vocabulary: source code", "程式碼", Same("代码")),
    case("vocabulary: résumé", "履歷", Same("简历")),
    case("vocabulary: project", "專案", Same("项目")),
    case("vocabulary: Taiwan words in Simplified characters", "软体", Same("软件")),
    // Full width, case, compatibility forms.
    case("width: full-width Latin", "ＰＹＴＨＯＮ", Same("python")),
    case("width: full-width acronym", "ＩＮＦＯＳＥＣ", Same("infosec")),
    case("width: full-width symbols", "Ｃ＋＋", Same("c++")),
    case("width: full-width digits", "３年經驗", Same("3年经验")),
    case("width: ideographic space and comma", "資安，ＡＩ", Same("资安,ai")),
    case("case: upper and lower", "PYTHON Developer", Same("python developer")),
    // Mixed zh/en.
    case("mixed: Python and Linux", "熟悉Python與Linux", Same("熟悉Python与Linux")),
    case("mixed: terms", "熟悉Python與Linux", Has(&["熟悉", "python", "与", "linux"])),
    case("mixed: Java backend API", "用Java開發後端API", Has(&["java", "开发", "api"])),
    case("mixed: years and acronym", "5年SOC經驗", Exactly(&["5", "年", "soc", "经验"])),
    case(
        "mixed: certificate sentence",
        "具iPAS資訊安全工程師中級證照",
        Has(&["ipas", "信息安全", "中级"]),
    ),
    case("mixed: AI/ML", "AI/ML工程師", Has(&["ai", "ml", "工程师"])),
    // Terms kept whole and unstemmed.
    case("kept: c++", "精通C++與Python", Has(&["c++", "python"])),
    case("kept: c#", "C# developer", Has(&["c#"])),
    case("kept: .net", "熟悉.NET Core", Has(&[".net"])),
    case("kept: node.js", "Node.js後端", Has(&["node.js"])),
    case("kept: ci/cd", "建置CI/CD流程", Has(&["ci/cd"])),
    case("kept: not inside a longer word", "abc++", HasNot(&["c++"])),
    case("kept: taxonomy term unstemmed", "Kubernetes", Exactly(&["kubernetes"])),
    case("kept: iPAS unstemmed", "iPAS", Exactly(&["ipas"])),
    // English stemming.
    case("stem: plural", "engineers", Same("engineer")),
    case("stem: verb forms", "developing developers", Same("develop developer")),
    case("stem: databases", "databases", Same("database")),
    case("stem: managing", "managing", Same("manage")),
    // Edge inputs.
    case("edge: empty", "", Exactly(&[])),
    case("edge: white space only", " \t\n　", Exactly(&[])),
    case("edge: punctuation only", "，。！？…—「」()[]", Exactly(&[])),
    case("edge: emoji only", "👍🚀🇹🇼", Exactly(&[])),
    case("edge: emoji between words", "資安👍工程師🚀", Has(&["资安", "工程师"])),
    case("edge: combining marks", "Cafe\u{301}", Exactly(&["café"])),
    case("edge: control characters", "a\u{0}b\u{7}資安", Has(&["资安"])),
    case("edge: Hangul and kana", "한국어 カタカナ", Has(&["한국어", "カタカナ"])),
    case("edge: e-mail and URL", "x@example.com https://example.com/a?b=1", Has(&["example.com"])),
    Case {
        name: "edge: 1 MB mixed text",
        input: Input::Generated(megabyte_mixed),
        expect: AtLeast(100_000),
    },
    Case {
        name: "edge: 1 MB of one Han character",
        input: Input::Generated(megabyte_han),
        expect: AtLeast(1),
    },
    Case {
        name: "edge: 1 MB Latin word",
        input: Input::Generated(megabyte_latin),
        expect: Exactly(&[]),
    },
    Case {
        name: "edge: 1 MB of emoji",
        input: Input::Generated(megabyte_emoji),
        expect: Exactly(&[]),
    },
];

fn megabyte_mixed() -> String {
    "熟悉Python與Linux，具iPAS資訊安全工程師中級證照；负责软件项目管理。".repeat(12_000)
}

fn megabyte_han() -> String {
    "資".repeat(350_000)
}

fn megabyte_latin() -> String {
    "a".repeat(1 << 20)
}

fn megabyte_emoji() -> String {
    "🚀".repeat(1 << 18)
}

#[test]
fn analysis_cases() {
    assert!(CASES.len() >= 60, "the table holds {} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let input = match &case.input {
            Input::Text(text) => (*text).to_owned(),
            Input::Generated(make) => make(),
        };
        let tokens = analyzer().tokens(&input);
        assert_well_formed(&input, &tokens);
        let texts: Vec<String> = tokens.iter().map(|token| token.text.clone()).collect();
        let failure = match &case.expect {
            Same(other) => {
                let (mine, theirs) = (terms(&input), terms(other));
                (mine != theirs).then(|| format!("{mine:?} != {theirs:?}"))
            }
            Has(wanted) => {
                let missing: Vec<_> =
                    wanted.iter().filter(|term| !texts.iter().any(|text| text == *term)).collect();
                (!missing.is_empty()).then(|| format!("missing {missing:?} in {texts:?}"))
            }
            HasNot(unwanted) => {
                let present: Vec<_> =
                    unwanted.iter().filter(|term| texts.iter().any(|text| text == *term)).collect();
                (!present.is_empty()).then(|| format!("unexpected {present:?} in {texts:?}"))
            }
            Exactly(wanted) => (texts != *wanted).then(|| format!("{texts:?} != {wanted:?}")),
            AtLeast(count) => {
                (texts.len() < *count).then(|| format!("only {} tokens", texts.len()))
            }
        };
        if let Some(failure) = failure {
            failures.push(format!("{}: {failure}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

/// Pins the units: byte offsets into the original text, positions in units of the
/// folded text (one per Han character, one per non-Han word).
#[test]
fn offsets_are_original_bytes_and_positions_are_units() {
    let tokens = analyzer().tokens("熟悉Python與Linux");
    assert_token(&tokens[0], "熟悉", 0, 6, 0);
    assert_token(&tokens[1], "python", 6, 12, 2);
    assert_token(&tokens[2], "与", 12, 15, 3);
    assert_token(&tokens[3], "linux", 15, 20, 4);
    assert_eq!(tokens.len(), 4);
}

/// Folding 演算法 (3 characters) to 算法 (2) keeps offsets on the original phrase, and
/// the unit count of the folded text, so positions match the Simplified text's.
#[test]
fn offsets_survive_length_changing_folds() {
    let traditional = analyzer().tokens("學演算法與Python");
    let simplified = analyzer().tokens("学算法与Python");
    let algorithm = traditional.iter().find(|token| token.text == "算法").expect("算法 token");
    assert_eq!((algorithm.start, algorithm.end), (3, 12));
    assert_eq!(&"學演算法與Python"[algorithm.start..algorithm.end], "演算法");
    let positions = |tokens: &[meihe_core::AnalyzedToken]| {
        tokens.iter().map(|token| (token.text.clone(), token.position)).collect::<Vec<_>>()
    };
    assert_eq!(positions(&traditional), positions(&simplified));
}

#[test]
fn full_width_offsets_cover_the_full_width_characters() {
    let text = "ＩＮＦＯＳＥＣ";
    let tokens = analyzer().tokens(text);
    assert_token(&tokens[0], "infosec", 0, text.len(), 0);
}

#[test]
fn long_words_also_yield_their_dictionary_subwords_at_their_own_positions() {
    let tokens = analyzer().tokens("資訊安全工程師");
    let find =
        |term: &str| tokens.iter().find(|token| token.text == term).map(|token| token.position);
    assert_eq!(find("信息安全"), Some(0));
    assert_eq!(find("安全"), Some(2));
    assert_eq!(find("工程师"), Some(4));
    assert!(term_texts("資訊安全工程師").contains(&"信息".to_owned()));
}
