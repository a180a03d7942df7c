//! Correctness of Traditional→Simplified conversion for folding: for Taiwan terms whose
//! Mainland counterpart is known, whether each converter turns the Taiwan form into exactly
//! the Mainland form, and whether meihe folds both forms to the same string.
//!
//! Run: `cargo run --release --manifest-path benches/converters/Cargo.toml`.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use meihe_core::{Analyzer, Taxonomy};
use zhconv::{Variant, get_builtin_converter};

/// (Taiwan form, Mainland form).
const PAIRS: &[(&str, &str)] = &[
    ("軟體工程師", "软件工程师"),
    ("資訊安全工程師", "信息安全工程师"),
    ("演算法", "算法"),
    ("專案經理", "项目经理"),
    ("資料庫", "数据库"),
    ("程式設計", "程序设计"),
    ("網路", "网络"),
    ("數位行銷", "数字营销"),
    ("雲端運算", "云计算"),
    ("一目瞭然", "一目了然"),
    ("國際論壇", "国际论坛"),
    ("國際電子", "国际电子"),
];

const LENGTH_SAMPLE: &str = "演算法工程師";

fn mark(ok: bool) -> &'static str {
    if ok { "✅" } else { "❌" }
}

fn main() {
    let opencc = OpenCC::from_config(BuiltinConfig::Tw2sp).expect("tw2sp config loads");
    let zhconv = get_builtin_converter(Variant::ZhCN);
    let analyzer =
        Analyzer::new(&Taxonomy::builtin().expect("taxonomy loads")).expect("analyzer builds");

    let converters: [(&str, Box<dyn Fn(&str) -> String + '_>); 3] = [
        ("ferrous-opencc tw2sp", Box::new(|text| opencc.convert(text))),
        ("fast2s", Box::new(fast2s::convert)),
        ("zhconv zh-CN", Box::new(|text| zhconv.convert(text))),
    ];

    println!(
        "A converter passes (✅) when the Taiwan form converts to exactly the Mainland form; \
         meihe passes when both forms fold to the same string.\n"
    );
    print!("| Taiwan | Mainland |");
    for (name, _) in &converters {
        print!(" {name} |");
    }
    println!(" meihe fold (Taiwan) | meihe fold (Mainland) | meihe same |");
    print!("|---|---|");
    for _ in &converters {
        print!("---|");
    }
    println!("---|---|---|");

    let mut passes = vec![0usize; converters.len() + 1];
    for &(taiwan, mainland) in PAIRS {
        print!("| {taiwan} | {mainland} |");
        for (index, (_, convert)) in converters.iter().enumerate() {
            let output = convert(taiwan);
            let ok = output == mainland;
            passes[index] += usize::from(ok);
            print!(" {output} {} |", mark(ok));
        }
        let (folded_taiwan, folded_mainland) =
            (analyzer.fold_str(taiwan), analyzer.fold_str(mainland));
        let same = folded_taiwan == folded_mainland;
        passes[converters.len()] += usize::from(same);
        println!(" {folded_taiwan} | {folded_mainland} | {} |", mark(same));
    }
    print!("| **passes** | |");
    for count in &passes[..converters.len()] {
        print!(" **{count}/{}** |", PAIRS.len());
    }
    println!(" | | **{}/{}** |", passes[converters.len()], PAIRS.len());

    // A looser criterion: the converter maps both forms to one string (it may rewrite the
    // Mainland form too), which is all an index needs when the same converter runs on both
    // documents and queries.
    println!("\nLooser criterion, converter applied to both forms gives the same string:\n");
    println!("| option | pairs that agree |");
    println!("|---|---|");
    for (name, convert) in &converters {
        let agree =
            PAIRS.iter().filter(|(taiwan, mainland)| convert(taiwan) == convert(mainland)).count();
        println!("| {name} | {agree}/{} |", PAIRS.len());
    }
    println!("| meihe fold | {}/{} |", passes[converters.len()], PAIRS.len());

    println!(
        "\nByte lengths for {LENGTH_SAMPLE} ({} bytes in): output length differs from input, \
              so token offsets need a map back to the original text.\n",
        LENGTH_SAMPLE.len()
    );
    println!("| option | output | bytes in | bytes out |");
    println!("|---|---|---|---|");
    for (name, convert) in &converters {
        let output = convert(LENGTH_SAMPLE);
        println!("| {name} | {output} | {} | {} |", LENGTH_SAMPLE.len(), output.len());
    }
    let folded = analyzer.fold_str(LENGTH_SAMPLE);
    println!("| meihe fold | {folded} | {} | {} |", LENGTH_SAMPLE.len(), folded.len());
}
