//! Static phrase data for the generator. Every triple is [Traditional Chinese (Taiwan),
//! Simplified Chinese (Mainland wording), English].

/// A phrase in the three scripts.
pub(super) type Tri = [&'static str; 3];

pub(super) const HANT: usize = 0;
pub(super) const HANS: usize = 1;
pub(super) const EN: usize = 2;

/// A job title and its occupation unit code.
pub(super) struct Role {
    pub(super) title: Tri,
    pub(super) code: &'static str,
}

pub(super) const fn role(
    hant: &'static str,
    hans: &'static str,
    en: &'static str,
    code: &'static str,
) -> Role {
    Role { title: [hant, hans, en], code }
}

/// Everything the generator knows about one field of work.
pub(super) struct FieldSpec {
    /// The taxonomy's `field` value.
    pub(super) id: &'static str,
    /// Relative frequency.
    pub(super) weight: u32,
    /// Titles and occupation codes of ordinary roles.
    pub(super) roles: &'static [Role],
    /// Roles migrant workers fill in this field (empty where they do not work).
    pub(super) migrant_roles: &'static [Role],
    /// Share of résumés in this field written by migrant workers.
    pub(super) migrant_share: f64,
    /// What migrant workers do in this field, as noun phrases.
    pub(super) migrant_duties: &'static [Tri],
    /// Skill ids migrant workers list in this field.
    pub(super) migrant_skills: &'static [&'static str],
    /// Duties as noun phrases, to be wrapped in sentences.
    pub(super) duties: &'static [Tri],
    /// Industry group ids.
    pub(super) industries: &'static [&'static str],
    /// iPAS certification ids that fit the field.
    pub(super) certifications: &'static [&'static str],
    /// Fields whose skills this one borrows.
    pub(super) neighbours: &'static [&'static str],
    /// Endings of employer names.
    pub(super) employer_kinds: &'static [Tri],
    /// Fields of study.
    pub(super) studies: &'static [Tri],
    /// Cities where the field concentrates (Traditional names from [`CITIES`]).
    pub(super) hubs: &'static [&'static str],
    /// National skills certificates (技術士) migrant workers and technicians hold.
    pub(super) licences: &'static [&'static str],
}

pub(super) const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        id: "software",
        weight: 14,
        roles: &[
            role("軟體工程師", "软件工程师", "Software Engineer", "2512"),
            role("後端工程師", "后端工程师", "Back-End Engineer", "2512"),
            role("前端工程師", "前端工程师", "Front-End Engineer", "2513"),
            role("全端工程師", "全栈工程师", "Full-Stack Engineer", "2513"),
            role("App開發工程師", "App开发工程师", "Mobile App Developer", "2519"),
            role("系統分析師", "系统分析师", "Systems Analyst", "2511"),
            role("DevOps工程師", "DevOps工程师", "DevOps Engineer", "2522"),
            role("資料庫管理師", "数据库管理员", "Database Administrator", "2521"),
            role("軟體測試工程師", "软件测试工程师", "QA Engineer", "2519"),
            role("MIS工程師", "IT运维工程师", "IT Support Engineer", "3512"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "後端服務與API的設計、開發與維運",
                "后端服务与API的设计、开发和运维",
                "designing, building and running back-end services and APIs",
            ],
            [
                "網站前端介面開發與效能優化",
                "网站前端界面开发与性能优化",
                "front-end development and web performance tuning",
            ],
            [
                "既有系統的程式重構與單元測試",
                "现有系统的代码重构与单元测试",
                "refactoring legacy code and writing unit tests",
            ],
            [
                "雲端部署流程與CI/CD管線建置",
                "云部署流程与CI/CD流水线搭建",
                "cloud deployment and CI/CD pipelines",
            ],
            [
                "與產品及設計團隊合作規劃新功能",
                "与产品及设计团队合作规划新功能",
                "planning new features with the product and design teams",
            ],
        ],
        industries: &["digital", "ai", "communications", "finance"],
        certifications: &["ipas-infosec", "ipas-aiot", "ipas-ai-planner", "ipas-mobile-programmer"],
        neighbours: &["data-ai", "infosec", "project-management"],
        employer_kinds: &[
            ["軟體股份有限公司", "软件有限公司", "Software Co., Ltd."],
            ["資訊股份有限公司", "信息技术有限公司", "Information Systems Inc."],
            ["數位科技", "数字科技", "Digital Technology"],
        ],
        studies: &[
            ["資訊工程", "计算机科学与技术", "Computer Science"],
            ["資訊管理", "信息管理", "Information Management"],
            ["電機工程", "电气工程", "Electrical Engineering"],
        ],
        hubs: &["臺北市", "新北市", "新竹市", "臺中市"],
        licences: &[],
    },
    FieldSpec {
        id: "data-ai",
        weight: 8,
        roles: &[
            role("資料科學家", "数据科学家", "Data Scientist", "2120"),
            role("資料分析師", "数据分析师", "Data Analyst", "2120"),
            role("機器學習工程師", "机器学习工程师", "Machine Learning Engineer", "2519"),
            role("資料工程師", "数据工程师", "Data Engineer", "2521"),
            role("AI應用工程師", "AI应用工程师", "AI Application Engineer", "2519"),
            role("BI分析師", "BI分析师", "BI Analyst", "2529"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "機器學習模型的訓練、評估與上線",
                "机器学习模型的训练、评估与上线",
                "training, evaluating and deploying machine learning models",
            ],
            [
                "資料管線與資料倉儲的建置與維護",
                "数据管道与数据仓库的搭建与维护",
                "building and maintaining data pipelines and the data warehouse",
            ],
            [
                "營運數據分析與視覺化報表製作",
                "运营数据分析与可视化报表制作",
                "operational data analysis and dashboards",
            ],
            [
                "大型語言模型應用與RAG系統開發",
                "大模型应用与RAG系统开发",
                "LLM applications and retrieval-augmented generation systems",
            ],
            [
                "A/B測試設計與成效評估",
                "A/B测试设计与效果评估",
                "designing A/B tests and measuring their results",
            ],
        ],
        industries: &["ai", "digital", "finance", "retail"],
        certifications: &[
            "ipas-ai-planner",
            "ipas-bi-analyst",
            "ipas-big-data",
            "ipas-machine-learning",
        ],
        neighbours: &["software", "finance"],
        employer_kinds: &[
            ["智能科技", "智能科技", "AI Technology"],
            ["數據股份有限公司", "数据有限公司", "Data Co., Ltd."],
            ["資訊股份有限公司", "信息技术有限公司", "Information Systems Inc."],
        ],
        studies: &[
            ["統計", "统计学", "Statistics"],
            ["資訊工程", "计算机科学与技术", "Computer Science"],
            ["應用數學", "应用数学", "Applied Mathematics"],
        ],
        hubs: &["臺北市", "新北市", "新竹市"],
        licences: &[],
    },
    FieldSpec {
        id: "semiconductor-electronics",
        weight: 10,
        roles: &[
            role("製程工程師", "工艺工程师", "Process Engineer", "2152"),
            role("設備工程師", "设备工程师", "Equipment Engineer", "3114"),
            role("數位IC設計工程師", "数字IC设计工程师", "Digital IC Design Engineer", "2152"),
            role("韌體工程師", "固件工程师", "Firmware Engineer", "2152"),
            role("硬體工程師", "硬件工程师", "Hardware Engineer", "2152"),
            role("良率工程師", "良率工程师", "Yield Engineer", "2149"),
            role("電子工程技術員", "电子技术员", "Electronics Technician", "3114"),
            role("電機工程師", "电气工程师", "Electrical Engineer", "2151"),
        ],
        migrant_roles: &[
            role("電子組裝作業員", "电子装配工", "Electronics Assembler", "8202"),
            role("產線作業員", "产线作业员", "Production Line Worker", "9320"),
        ],
        migrant_share: 0.1,
        migrant_duties: &[
            [
                "電子零件組裝與目視檢查",
                "电子零件装配与目检",
                "assembling and visually inspecting electronic parts",
            ],
            [
                "產線設備上下料與簡易保養",
                "产线设备上下料与简单保养",
                "loading production equipment and routine upkeep",
            ],
        ],
        migrant_skills: &[
            "cleanroom-operations",
            "measurement-instruments",
            "ic-packaging-testing",
            "five-s",
            "equipment-maintenance",
            "aoi",
        ],
        duties: &[
            [
                "晶圓製程參數監控與異常排除",
                "晶圆工艺参数监控与异常处理",
                "monitoring wafer process parameters and resolving excursions",
            ],
            [
                "良率分析與製程改善專案",
                "良率分析与工艺改进项目",
                "yield analysis and process improvement projects",
            ],
            [
                "電路設計、佈局與驗證",
                "电路设计、布局与验证",
                "circuit design, layout and verification",
            ],
            [
                "產品可靠度測試與失效分析",
                "产品可靠性测试与失效分析",
                "reliability testing and failure analysis",
            ],
            [
                "嵌入式韌體開發與硬體除錯",
                "嵌入式固件开发与硬件调试",
                "embedded firmware development and hardware debugging",
            ],
        ],
        industries: &["semiconductor", "electronics", "communications", "defense"],
        certifications: &["ipas-pcb", "ipas-emc", "ipas-antenna", "ipas-aiot"],
        neighbours: &["machinery-manufacturing", "software"],
        employer_kinds: &[
            ["半導體股份有限公司", "半导体有限公司", "Semiconductor Co., Ltd."],
            ["電子股份有限公司", "电子有限公司", "Electronics Corp."],
            ["光電", "光电", "Optoelectronics"],
        ],
        studies: &[
            ["電子工程", "电子工程", "Electronic Engineering"],
            ["電機工程", "电气工程", "Electrical Engineering"],
            ["材料科學與工程", "材料科学与工程", "Materials Science and Engineering"],
        ],
        hubs: &["新竹市", "新竹縣", "臺南市", "高雄市", "臺中市"],
        licences: &["丙級工業電子", "乙級工業電子", "丙級電子儀表"],
    },
    FieldSpec {
        id: "machinery-manufacturing",
        weight: 10,
        roles: &[
            role("機構工程師", "结构工程师", "Mechanical Design Engineer", "2144"),
            role("自動化工程師", "自动化工程师", "Automation Engineer", "2144"),
            role("生產管理工程師", "生产管理工程师", "Production Engineer", "2141"),
            role("品保工程師", "质量工程师", "Quality Engineer", "2141"),
            role("CNC技術員", "数控技术员", "CNC Technician", "7223"),
            role("設備維修技術員", "设备维修技术员", "Maintenance Technician", "7233"),
            role("機械工程技術員", "机械技术员", "Mechanical Technician", "3115"),
            role("製造課長", "制造主管", "Manufacturing Supervisor", "3122"),
        ],
        migrant_roles: &[
            role("CNC車床技術工", "数控车床技工", "CNC Lathe Operator", "7223"),
            role("焊接技術工", "焊工", "Welder", "7212"),
            role("機械組裝員", "机械装配工", "Machine Assembler", "8201"),
            role("產線作業員", "产线作业员", "Production Line Worker", "9320"),
        ],
        migrant_share: 0.3,
        migrant_duties: &[
            [
                "CNC車床操作、換刀與首件量測",
                "数控车床操作、换刀与首件检测",
                "operating CNC lathes, changing tools and checking first pieces",
            ],
            ["焊接與鈑金加工", "焊接与钣金加工", "welding and sheet-metal work"],
            ["產線組裝與包裝出貨", "产线装配与包装出货", "assembly, packing and shipping"],
        ],
        migrant_skills: &[
            "cnc-machining",
            "lathe-operation",
            "milling",
            "welding",
            "sheet-metal",
            "five-s",
            "equipment-maintenance",
            "injection-molding",
            "mechanical-drawing",
        ],
        duties: &[
            [
                "CNC工具機加工程式編寫與首件量測",
                "数控机床加工程序编写与首件检测",
                "writing CNC programs and first-article inspection",
            ],
            [
                "自動化產線設備的規劃、安裝與保養",
                "自动化产线设备的规划、安装与保养",
                "planning, installing and maintaining automated production lines",
            ],
            [
                "機構設計、治具開發與3D建模",
                "机械结构设计、夹具开发与3D建模",
                "mechanical design, fixture development and 3D modelling",
            ],
            [
                "生產排程、品質異常處理與8D改善",
                "生产排程、质量异常处理与8D改进",
                "production scheduling, quality issues and 8D corrective actions",
            ],
            [
                "導入智慧製造與設備聯網",
                "导入智能制造与设备联网",
                "introducing smart manufacturing and connected equipment",
            ],
        ],
        industries: &["machinery", "manufacturing", "defense", "circular"],
        certifications: &[
            "ipas-smart-production",
            "ipas-machine-tool-design",
            "ipas-3d-printing",
            "ipas-plastics",
            "ipas-ev-mechatronics",
        ],
        neighbours: &["semiconductor-electronics", "net-zero-energy"],
        employer_kinds: &[
            ["精密機械股份有限公司", "精密机械有限公司", "Precision Machinery Co., Ltd."],
            ["工業股份有限公司", "工业有限公司", "Industrial Corp."],
            ["自動化科技", "自动化科技", "Automation Technology"],
        ],
        studies: &[
            ["機械工程", "机械工程", "Mechanical Engineering"],
            ["工業工程與管理", "工业工程", "Industrial Engineering"],
            ["自動化工程", "自动化", "Automation Engineering"],
        ],
        hubs: &["臺中市", "彰化縣", "桃園市", "臺南市"],
        licences: &["丙級車床", "丙級銲接", "乙級銲接", "丙級模具", "丙級機械加工"],
    },
    FieldSpec {
        id: "net-zero-energy",
        weight: 5,
        roles: &[
            role("碳管理顧問", "碳管理顾问", "Carbon Management Consultant", "2133"),
            role("ESG專員", "ESG专员", "ESG Specialist", "2133"),
            role("能源工程師", "能源工程师", "Energy Engineer", "2151"),
            role("太陽光電工程師", "光伏工程师", "Solar PV Engineer", "2151"),
            role("環安衛工程師", "环安卫工程师", "EHS Engineer", "2143"),
            role("電力技術員", "电力技术员", "Electrical Technician", "3113"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "組織型溫室氣體盤查與查證準備",
                "组织温室气体盘查与核查准备",
                "organisational greenhouse gas inventories and verification",
            ],
            [
                "產品碳足跡計算與減碳路徑規劃",
                "产品碳足迹核算与减碳路径规划",
                "product carbon footprints and decarbonisation roadmaps",
            ],
            [
                "太陽光電與儲能案場的開發與維運",
                "光伏与储能电站的开发与运维",
                "developing and operating solar and storage sites",
            ],
            [
                "能源查核與節能改善方案",
                "能源审计与节能改造方案",
                "energy audits and efficiency retrofits",
            ],
            [
                "ESG永續報告書撰寫與揭露",
                "ESG可持续发展报告编写与披露",
                "ESG reporting and disclosure",
            ],
        ],
        industries: &["energy", "circular", "manufacturing"],
        certifications: &["ipas-net-zero", "ipas-ev-mechatronics"],
        neighbours: &["construction", "machinery-manufacturing"],
        employer_kinds: &[
            ["綠能股份有限公司", "绿色能源有限公司", "Green Energy Co., Ltd."],
            ["永續顧問", "可持续发展咨询", "Sustainability Consulting"],
            ["能源科技", "能源科技", "Energy Technology"],
        ],
        studies: &[
            ["環境工程", "环境工程", "Environmental Engineering"],
            ["能源工程", "能源与动力工程", "Energy Engineering"],
            ["電機工程", "电气工程", "Electrical Engineering"],
        ],
        hubs: &["臺北市", "彰化縣", "臺南市", "高雄市"],
        licences: &[],
    },
    FieldSpec {
        id: "infosec",
        weight: 5,
        roles: &[
            role("資安工程師", "信息安全工程师", "Security Engineer", "2529"),
            role("資安分析師", "安全分析师", "SOC Analyst", "2529"),
            role("滲透測試工程師", "渗透测试工程师", "Penetration Tester", "2529"),
            role("網路工程師", "网络工程师", "Network Engineer", "2523"),
            role("資安顧問", "安全顾问", "Security Consultant", "2529"),
            role("系統管理師", "系统管理员", "System Administrator", "2522"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "資安監控與事件應變",
                "安全监控与事件响应",
                "security monitoring and incident response",
            ],
            [
                "弱點掃描、滲透測試與修補追蹤",
                "漏洞扫描、渗透测试与修复跟踪",
                "vulnerability scanning, penetration testing and remediation tracking",
            ],
            [
                "ISO 27001資訊安全管理制度維運",
                "ISO 27001信息安全管理体系运行",
                "running the ISO 27001 management system",
            ],
            [
                "雲端與端點安全架構規劃",
                "云安全与终端安全架构规划",
                "cloud and endpoint security architecture",
            ],
            [
                "工控環境資安防護與網段隔離",
                "工控环境安全防护与网络隔离",
                "securing industrial control networks",
            ],
        ],
        industries: &["security", "digital", "finance", "defense"],
        certifications: &["ipas-infosec", "ipas-iiot-ics-security"],
        neighbours: &["software"],
        employer_kinds: &[
            ["資安股份有限公司", "网络安全有限公司", "Cybersecurity Co., Ltd."],
            ["資訊股份有限公司", "信息技术有限公司", "Information Systems Inc."],
            ["網通", "网通", "Networks"],
        ],
        studies: &[
            ["資訊工程", "计算机科学与技术", "Computer Science"],
            ["資訊安全", "信息安全", "Information Security"],
            ["資訊管理", "信息管理", "Information Management"],
        ],
        hubs: &["臺北市", "新北市", "新竹市"],
        licences: &[],
    },
    FieldSpec {
        id: "finance",
        weight: 7,
        roles: &[
            role("會計師", "会计师", "Accountant", "2411"),
            role("財務分析師", "财务分析师", "Financial Analyst", "2412"),
            role("會計專員", "会计专员", "Accounting Specialist", "3313"),
            role("授信專員", "信贷专员", "Credit Officer", "3312"),
            role("財務經理", "财务经理", "Finance Manager", "1211"),
            role("稽核專員", "审计专员", "Internal Auditor", "2411"),
            role("理財專員", "理财顾问", "Wealth Manager", "2412"),
            role("證券營業員", "证券经纪人", "Securities Broker", "3311"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "月結與年度財務報表編製",
                "月结与年度财务报表编制",
                "monthly closing and annual financial statements",
            ],
            ["預算編列與費用分析", "预算编制与费用分析", "budgeting and expense analysis"],
            [
                "授信案件審查與信用風險評估",
                "授信审查与信用风险评估",
                "credit reviews and credit risk assessment",
            ],
            [
                "投資標的研究與評價分析",
                "投资标的研究与估值分析",
                "investment research and valuation",
            ],
            ["內部控制與稽核作業", "内部控制与审计工作", "internal control and audit work"],
        ],
        industries: &["finance", "digital"],
        certifications: &["ipas-intangible-asset", "ipas-bi-analyst"],
        neighbours: &["data-ai", "project-management"],
        employer_kinds: &[
            ["證券股份有限公司", "证券股份有限公司", "Securities Co., Ltd."],
            ["商業銀行", "商业银行", "Commercial Bank"],
            ["聯合會計師事務所", "联合会计师事务所", "CPA Firm"],
            ["人壽保險", "人寿保险", "Life Insurance"],
        ],
        studies: &[
            ["會計", "会计学", "Accounting"],
            ["財務金融", "金融学", "Finance"],
            ["經濟", "经济学", "Economics"],
        ],
        hubs: &["臺北市", "新北市", "臺中市", "高雄市"],
        licences: &[],
    },
    FieldSpec {
        id: "sales-marketing",
        weight: 9,
        roles: &[
            role("海外業務", "海外销售", "Overseas Sales Representative", "3322"),
            role("行銷企劃", "营销策划", "Marketing Specialist", "2431"),
            role("數位行銷專員", "数字营销专员", "Digital Marketing Specialist", "2431"),
            role("業務經理", "销售经理", "Sales Manager", "1221"),
            role("公關專員", "公关专员", "PR Specialist", "2432"),
            role("資訊業務", "IT销售", "IT Sales Representative", "2433"),
            role("電話行銷專員", "电话销售", "Telemarketing Agent", "5294"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "海外客戶開發與訂單管理",
                "海外客户开发与订单管理",
                "winning overseas customers and managing orders",
            ],
            [
                "數位廣告投放與成效追蹤",
                "数字广告投放与效果跟踪",
                "running digital ad campaigns and tracking results",
            ],
            [
                "品牌社群經營與內容企劃",
                "品牌社交媒体运营与内容策划",
                "brand social media and content planning",
            ],
            [
                "重點客戶經營與年度業績達成",
                "大客户维护与年度业绩达成",
                "managing key accounts and meeting annual targets",
            ],
            [
                "市場調查與新產品上市規劃",
                "市场调研与新产品上市规划",
                "market research and product launches",
            ],
        ],
        industries: &["retail", "digital", "culture", "tourism", "manufacturing"],
        certifications: &["ipas-brand-planner", "ipas-color-planning", "ipas-mobile-app-planner"],
        neighbours: &["project-management", "data-ai"],
        employer_kinds: &[
            ["國際行銷", "国际营销", "International Marketing"],
            ["貿易股份有限公司", "贸易有限公司", "Trading Co., Ltd."],
            ["生活百貨", "生活百货", "Lifestyle Retail"],
        ],
        studies: &[
            ["企業管理", "工商管理", "Business Administration"],
            ["行銷", "市场营销", "Marketing"],
            ["國際貿易", "国际经济与贸易", "International Trade"],
        ],
        hubs: &["臺北市", "新北市", "臺中市", "高雄市"],
        licences: &[],
    },
    FieldSpec {
        id: "project-management",
        weight: 5,
        roles: &[
            role("專案經理", "项目经理", "Project Manager", "1219"),
            role("IT專案經理", "IT项目经理", "IT Project Manager", "1330"),
            role("產品經理", "产品经理", "Product Manager", "2421"),
            role("研發專案經理", "研发项目经理", "R&D Program Manager", "1223"),
            role("PMO專員", "PMO专员", "PMO Specialist", "2421"),
            role("專案助理", "项目助理", "Project Assistant", "4110"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "跨部門專案時程、預算與風險管控",
                "跨部门项目进度、预算与风险管控",
                "managing the schedule, budget and risks of cross-functional projects",
            ],
            [
                "需求訪談與規格文件撰寫",
                "需求调研与规格文档编写",
                "gathering requirements and writing specifications",
            ],
            [
                "敏捷團隊的Sprint規劃與回顧",
                "敏捷团队的Sprint规划与复盘",
                "sprint planning and retrospectives for agile teams",
            ],
            [
                "與海外客戶及供應商的專案協調",
                "与海外客户及供应商的项目协调",
                "coordinating projects with overseas customers and suppliers",
            ],
            ["專案管理辦公室流程建立", "项目管理办公室流程建设", "setting up PMO processes"],
        ],
        industries: &["digital", "manufacturing", "construction", "semiconductor"],
        certifications: &["ipas-ai-planner", "ipas-bi-analyst", "ipas-net-zero"],
        neighbours: &["software", "sales-marketing", "hr"],
        employer_kinds: &[
            ["科技股份有限公司", "科技有限公司", "Technology Co., Ltd."],
            ["管理顧問", "管理咨询", "Management Consulting"],
            ["工程顧問", "工程咨询", "Engineering Consultants"],
        ],
        studies: &[
            ["企業管理", "工商管理", "Business Administration"],
            ["工業管理", "工业管理", "Industrial Management"],
            ["資訊管理", "信息管理", "Information Management"],
        ],
        hubs: &["臺北市", "新北市", "新竹市", "桃園市"],
        licences: &[],
    },
    FieldSpec {
        id: "hr",
        weight: 5,
        roles: &[
            role("人資專員", "人事专员", "HR Specialist", "2422"),
            role("招募專員", "招聘专员", "Recruiter", "2422"),
            role("人資經理", "人力资源经理", "HR Manager", "1212"),
            role("薪資專員", "薪酬专员", "Payroll Specialist", "4910"),
            role("教育訓練專員", "培训专员", "Training Specialist", "2422"),
            role("人力仲介專員", "人力中介专员", "Employment Agent", "3333"),
        ],
        migrant_roles: &[],
        migrant_share: 0.0,
        migrant_duties: &[],
        migrant_skills: &[],
        duties: &[
            [
                "全職與外籍人才招募",
                "全职与外籍人才招聘",
                "recruiting local and international talent",
            ],
            [
                "薪資計算、勞健保與出勤管理",
                "薪资核算、社保与考勤管理",
                "payroll, social insurance and attendance",
            ],
            [
                "教育訓練規劃與職能盤點",
                "员工培训规划与胜任力盘点",
                "training plans and competency reviews",
            ],
            ["績效考核制度推動", "绩效考核制度推行", "running the performance review cycle"],
            [
                "外籍移工管理與勞資溝通",
                "外籍劳工管理与劳资沟通",
                "managing migrant workers and employee relations",
            ],
        ],
        industries: &["manufacturing", "digital", "retail", "long-term-care"],
        certifications: &["ipas-ai-planner", "ipas-brand-planner"],
        neighbours: &["project-management"],
        employer_kinds: &[
            ["人力資源顧問", "人力资源咨询", "HR Consulting"],
            ["企業股份有限公司", "企业有限公司", "Enterprise Co., Ltd."],
            ["人力仲介", "人力中介", "Manpower Agency"],
        ],
        studies: &[
            ["人力資源管理", "人力资源管理", "Human Resource Management"],
            ["心理學", "心理学", "Psychology"],
            ["勞工關係", "劳动关系", "Labour Relations"],
        ],
        hubs: &["臺北市", "新北市", "桃園市", "臺中市"],
        licences: &[],
    },
    FieldSpec {
        id: "caregiving",
        weight: 7,
        roles: &[
            role("照顧服務員", "护理员", "Care Worker", "5320"),
            role("居家服務員", "居家服务员", "Home Care Aide", "5320"),
            role("護理師", "护士", "Registered Nurse", "2220"),
            role("居服督導", "居家服务督导", "Home Care Supervisor", "1342"),
            role("個案管理師", "个案管理师", "Case Manager", "2635"),
            role("護理佐理員", "护理助理", "Nursing Assistant", "3220"),
        ],
        migrant_roles: &[
            role("家庭看護工", "家庭护工", "Home Caregiver", "5320"),
            role("機構看護工", "机构护理员", "Care Facility Caregiver", "5320"),
        ],
        migrant_share: 0.45,
        migrant_duties: &[
            [
                "長輩日常生活照顧與陪同就醫",
                "老人日常生活照料与陪同就医",
                "daily care for elders and accompanying them to hospital",
            ],
            [
                "管灌餵食、翻身擺位與生命徵象量測",
                "鼻饲、翻身摆位与生命体征测量",
                "tube feeding, repositioning and vital signs",
            ],
            [
                "協助長輩復健與跌倒預防",
                "协助老人康复与跌倒预防",
                "helping elders with rehabilitation and fall prevention",
            ],
        ],
        migrant_skills: &[
            "personal-care",
            "tube-feeding",
            "patient-transfer",
            "patient-repositioning",
            "dementia-care",
            "vital-signs-measurement",
            "bathing-assistance",
            "feeding-assistance",
            "elderly-care",
            "fall-prevention",
            "medication-assistance",
        ],
        duties: &[
            [
                "長輩日常生活照顧與陪同就醫",
                "老人日常生活照料与陪同就医",
                "daily care for elders and accompanying them to hospital",
            ],
            [
                "失智長輩照護與活動帶領",
                "失智老人照护与活动带领",
                "dementia care and group activities",
            ],
            [
                "管灌餵食、翻身擺位與生命徵象量測",
                "鼻饲、翻身摆位与生命体征测量",
                "tube feeding, repositioning and vital signs",
            ],
            [
                "居家服務個案訪視與照顧計畫擬定",
                "居家服务个案探访与照护计划制定",
                "home care visits and care plans",
            ],
            [
                "住民復健協助與跌倒預防",
                "住户康复协助与跌倒预防",
                "rehabilitation support and fall prevention",
            ],
        ],
        industries: &["long-term-care", "health"],
        certifications: &["ipas-health-food", "ipas-food-qa"],
        neighbours: &["general"],
        employer_kinds: &[
            ["護理之家", "护理之家", "Nursing Home"],
            ["居家長照機構", "居家长照机构", "Home Care Agency"],
            ["老人長期照顧中心", "老年长期照护中心", "Long-term Care Centre"],
        ],
        studies: &[
            ["護理", "护理学", "Nursing"],
            ["長期照顧", "长期照护", "Long-term Care"],
            ["社會工作", "社会工作", "Social Work"],
        ],
        hubs: &["臺北市", "新北市", "臺中市", "高雄市", "臺南市"],
        licences: &["照顧服務員單一級"],
    },
    FieldSpec {
        id: "construction",
        weight: 6,
        roles: &[
            role("土木工程師", "土木工程师", "Civil Engineer", "2142"),
            role("工地主任", "施工现场负责人", "Site Manager", "3123"),
            role("建築師", "建筑师", "Architect", "2161"),
            role("結構工程師", "结构工程师", "Structural Engineer", "2142"),
            role("營建技術員", "施工技术员", "Construction Technician", "3112"),
            role("水電技術員", "水电工", "Electrician", "7411"),
            role("工務經理", "工程经理", "Construction Manager", "1323"),
        ],
        migrant_roles: &[
            role("營造工", "建筑工人", "Construction Worker", "9312"),
            role("鋼筋工", "钢筋工", "Rebar Worker", "7119"),
            role("模板工", "模板工", "Formwork Carpenter", "7114"),
        ],
        migrant_share: 0.3,
        migrant_duties: &[
            ["鋼筋綁紮與模板組立", "钢筋绑扎与模板安装", "tying rebar and setting up formwork"],
            ["工地搬運與混凝土澆置", "工地搬运与混凝土浇筑", "site haulage and pouring concrete"],
        ],
        migrant_skills: &[
            "reinforced-concrete",
            "formwork",
            "earthworks",
            "steel-structure",
            "occupational-safety-health",
        ],
        duties: &[
            [
                "工地現場施工管理與進度控管",
                "施工现场管理与进度控制",
                "site management and schedule control",
            ],
            ["結構設計與計算書製作", "结构设计与计算书编制", "structural design and calculations"],
            [
                "BIM模型建置與施工圖整合",
                "BIM模型搭建与施工图整合",
                "BIM modelling and coordinated construction drawings",
            ],
            [
                "工程估價、發包與請款作業",
                "工程造价、招标与结算工作",
                "cost estimates, tendering and progress claims",
            ],
            [
                "職業安全衛生管理與工地巡檢",
                "职业安全卫生管理与工地巡查",
                "occupational safety and site inspections",
            ],
        ],
        industries: &["construction", "energy", "resilience"],
        certifications: &["ipas-net-zero", "ipas-3d-printing"],
        neighbours: &["net-zero-energy", "project-management"],
        employer_kinds: &[
            ["營造股份有限公司", "建设工程有限公司", "Construction Co., Ltd."],
            ["建設", "建设", "Development"],
            ["工程顧問", "工程咨询", "Engineering Consultants"],
        ],
        studies: &[
            ["土木工程", "土木工程", "Civil Engineering"],
            ["建築", "建筑学", "Architecture"],
            ["營建工程", "工程管理", "Construction Engineering"],
        ],
        hubs: &["臺北市", "新北市", "桃園市", "臺中市", "高雄市"],
        licences: &["丙級鋼筋", "丙級模板", "丙級室內配線", "丙級移動式起重機操作"],
    },
    FieldSpec {
        id: "agriculture",
        weight: 4,
        roles: &[
            role("農場技術員", "农场技术员", "Farm Technician", "3142"),
            role("農藝研究員", "农艺研究员", "Agronomist", "2132"),
            role("溫室栽培員", "温室种植员", "Greenhouse Grower", "6010"),
            role("畜牧場管理員", "畜牧场管理员", "Livestock Farm Supervisor", "6021"),
            role("養殖技術員", "养殖技术员", "Aquaculture Technician", "6051"),
            role("農場經理", "农场经理", "Farm Manager", "1310"),
        ],
        migrant_roles: &[
            role("農務工", "农业工人", "Farm Worker", "9201"),
            role("漁船船員", "渔船船员", "Fishing Crew", "6052"),
            role("養殖漁工", "养殖渔工", "Fish Farm Worker", "9203"),
        ],
        migrant_share: 0.35,
        migrant_duties: &[
            [
                "蔬果採收、分級與包裝",
                "蔬果采收、分级与包装",
                "harvesting, grading and packing produce",
            ],
            ["漁船作業與漁獲處理", "渔船作业与渔获处理", "work on deck and handling the catch"],
            ["養殖池巡視與餵飼", "养殖池巡查与投喂", "tending ponds and feeding fish"],
        ],
        migrant_skills: &[
            "vegetable-cultivation",
            "fruit-tree-cultivation",
            "fishing-operations",
            "aquaculture",
            "animal-husbandry",
            "poultry-farming",
            "postharvest-handling",
            "farm-machinery-operation",
            "greenhouse-management",
        ],
        duties: &[
            [
                "溫室作物栽培與環境控制",
                "温室作物栽培与环境控制",
                "greenhouse cultivation and climate control",
            ],
            [
                "病蟲害防治與農藥安全管理",
                "病虫害防治与农药安全管理",
                "pest control and safe pesticide use",
            ],
            [
                "智慧農業感測器與灌溉系統維護",
                "智慧农业传感器与灌溉系统维护",
                "maintaining smart-farming sensors and irrigation",
            ],
            [
                "農產品採後處理與產銷履歷",
                "农产品采后处理与溯源管理",
                "postharvest handling and traceability",
            ],
            [
                "水產養殖池水質管理與飼料調配",
                "水产养殖水质管理与饲料配制",
                "water quality and feed in aquaculture ponds",
            ],
        ],
        industries: &["agriculture", "resilience", "health"],
        certifications: &["ipas-food-qa", "ipas-health-food", "ipas-net-zero"],
        neighbours: &["logistics", "net-zero-energy"],
        employer_kinds: &[
            ["農場", "农场", "Farm"],
            ["農產運銷", "农产品运销", "Agri-Products"],
            ["生技農業", "生物农业", "Agri-Biotech"],
        ],
        studies: &[
            ["農藝", "农学", "Agronomy"],
            ["園藝", "园艺", "Horticulture"],
            ["水產養殖", "水产养殖", "Aquaculture"],
        ],
        hubs: &["雲林縣", "屏東縣", "嘉義縣", "彰化縣", "臺南市", "宜蘭縣"],
        licences: &["丙級造園景觀", "丙級農業機械修護"],
    },
    FieldSpec {
        id: "logistics",
        weight: 5,
        roles: &[
            role("倉儲管理員", "仓库管理员", "Warehouse Supervisor", "4321"),
            role("物流經理", "物流经理", "Logistics Manager", "1324"),
            role("報關專員", "报关员", "Customs Broker", "3331"),
            role("採購專員", "采购专员", "Buyer", "3323"),
            role("運輸調度員", "运输调度员", "Dispatcher", "4323"),
            role("堆高機操作員", "叉车司机", "Forklift Operator", "8349"),
            role("貨車司機", "货车司机", "Truck Driver", "8332"),
        ],
        migrant_roles: &[
            role("倉儲作業員", "仓储作业员", "Warehouse Worker", "9330"),
            role("堆高機操作員", "叉车司机", "Forklift Operator", "8349"),
        ],
        migrant_share: 0.2,
        migrant_duties: &[
            ["倉庫揀貨、理貨與裝卸", "仓库拣货、理货与装卸", "picking, sorting and loading goods"],
            ["堆高機搬運與棧板整理", "叉车搬运与托盘整理", "forklift moves and pallet handling"],
        ],
        migrant_skills: &[
            "forklift-operation",
            "warehouse-management",
            "inventory-management",
            "container-handling",
            "last-mile-delivery",
        ],
        duties: &[
            ["倉儲進出貨與庫存盤點", "仓储出入库与库存盘点", "inbound, outbound and stock counts"],
            [
                "進出口報關與貿易文件處理",
                "进出口报关与外贸单证处理",
                "customs declarations and trade documents",
            ],
            [
                "運輸路線規劃與配送管理",
                "运输路线规划与配送管理",
                "route planning and delivery management",
            ],
            [
                "供應商管理與採購議價",
                "供应商管理与采购议价",
                "supplier management and purchasing negotiations",
            ],
            [
                "冷鏈物流溫控與品質稽核",
                "冷链物流温控与质量审核",
                "cold-chain temperature control and audits",
            ],
        ],
        industries: &["logistics", "retail", "manufacturing"],
        certifications: &["ipas-bi-analyst", "ipas-ai-planner", "ipas-net-zero"],
        neighbours: &["agriculture", "sales-marketing"],
        employer_kinds: &[
            ["物流股份有限公司", "物流有限公司", "Logistics Co., Ltd."],
            ["通運", "通运", "Transport"],
            ["國際運通", "国际运通", "Freight International"],
        ],
        studies: &[
            ["運輸與物流管理", "交通运输管理", "Transportation and Logistics"],
            ["國際貿易", "国际经济与贸易", "International Trade"],
            ["企業管理", "工商管理", "Business Administration"],
        ],
        hubs: &["桃園市", "高雄市", "基隆市", "臺中市"],
        licences: &["堆高機操作單一級", "丙級移動式起重機操作"],
    },
];

/// Taiwan's cities and counties: Traditional (the canonical `location.city`), Simplified,
/// English, and a relative weight.
pub(super) const CITIES: &[(&str, &str, &str, u32)] = &[
    ("臺北市", "台北市", "Taipei", 20),
    ("新北市", "新北市", "New Taipei", 15),
    ("桃園市", "桃园市", "Taoyuan", 11),
    ("臺中市", "台中市", "Taichung", 12),
    ("臺南市", "台南市", "Tainan", 8),
    ("高雄市", "高雄市", "Kaohsiung", 11),
    ("新竹市", "新竹市", "Hsinchu", 5),
    ("新竹縣", "新竹县", "Hsinchu County", 4),
    ("基隆市", "基隆市", "Keelung", 1),
    ("苗栗縣", "苗栗县", "Miaoli", 2),
    ("彰化縣", "彰化县", "Changhua", 3),
    ("南投縣", "南投县", "Nantou", 1),
    ("雲林縣", "云林县", "Yunlin", 1),
    ("嘉義市", "嘉义市", "Chiayi", 1),
    ("嘉義縣", "嘉义县", "Chiayi County", 1),
    ("屏東縣", "屏东县", "Pingtung", 1),
    ("宜蘭縣", "宜兰县", "Yilan", 1),
    ("花蓮縣", "花莲县", "Hualien", 1),
    ("臺東縣", "台东县", "Taitung", 1),
];

/// First characters of invented employer names, with a romanisation.
pub(super) const EMPLOYER_HEADS: &[Tri] = &[
    ["宏", "宏", "Hong"],
    ["聯", "联", "Lian"],
    ["華", "华", "Hua"],
    ["碩", "硕", "Shuo"],
    ["鼎", "鼎", "Ting"],
    ["晶", "晶", "Ching"],
    ["達", "达", "Ta"],
    ["創", "创", "Chuang"],
    ["新", "新", "Hsin"],
    ["源", "源", "Yuan"],
    ["群", "群", "Chun"],
    ["泰", "泰", "Tai"],
    ["豐", "丰", "Feng"],
    ["永", "永", "Yung"],
    ["信", "信", "Hsin"],
    ["亞", "亚", "Ya"],
    ["瑞", "瑞", "Jui"],
    ["凱", "凯", "Kai"],
    ["昇", "昇", "Sheng"],
    ["博", "博", "Po"],
    ["穩", "稳", "Wen"],
    ["耀", "耀", "Yao"],
    ["騰", "腾", "Teng"],
    ["益", "益", "Yi"],
];

/// Taiwanese surnames with their usual romanisation.
pub(super) const SURNAMES: &[Tri] = &[
    ["陳", "陈", "Chen"],
    ["林", "林", "Lin"],
    ["黃", "黄", "Huang"],
    ["張", "张", "Chang"],
    ["李", "李", "Li"],
    ["王", "王", "Wang"],
    ["吳", "吴", "Wu"],
    ["劉", "刘", "Liu"],
    ["蔡", "蔡", "Tsai"],
    ["楊", "杨", "Yang"],
    ["許", "许", "Hsu"],
    ["鄭", "郑", "Cheng"],
    ["謝", "谢", "Hsieh"],
    ["郭", "郭", "Kuo"],
    ["洪", "洪", "Hung"],
    ["曾", "曾", "Tseng"],
    ["邱", "邱", "Chiu"],
    ["廖", "廖", "Liao"],
    ["賴", "赖", "Lai"],
    ["周", "周", "Chou"],
];

/// Syllables of Taiwanese given names.
pub(super) const GIVEN_SYLLABLES: &[Tri] = &[
    ["宜", "宜", "Yi"],
    ["庭", "庭", "Ting"],
    ["冠", "冠", "Kuan"],
    ["霖", "霖", "Lin"],
    ["家", "家", "Chia"],
    ["豪", "豪", "Hao"],
    ["怡", "怡", "Yi"],
    ["君", "君", "Chun"],
    ["志", "志", "Chih"],
    ["明", "明", "Ming"],
    ["雅", "雅", "Ya"],
    ["婷", "婷", "Ting"],
    ["俊", "俊", "Chun"],
    ["傑", "杰", "Chieh"],
    ["佳", "佳", "Chia"],
    ["穎", "颖", "Ying"],
    ["承", "承", "Cheng"],
    ["恩", "恩", "En"],
    ["柏", "柏", "Po"],
    ["翰", "翰", "Han"],
    ["書", "书", "Shu"],
    ["瑋", "玮", "Wei"],
    ["欣", "欣", "Hsin"],
    ["哲", "哲", "Che"],
    ["宇", "宇", "Yu"],
    ["彥", "彦", "Yen"],
    ["萱", "萱", "Hsuan"],
    ["琳", "琳", "Lin"],
    ["慧", "慧", "Hui"],
    ["偉", "伟", "Wei"],
];

/// Where a foreign candidate comes from, and names to invent from: (as written, ASCII).
pub(super) struct Origin {
    /// ISO 3166-1 alpha-2.
    pub(super) country: &'static str,
    /// ISO 639-1 code of the mother tongue.
    pub(super) lang: &'static str,
    /// The nationality: 越南 / 越南 / Vietnamese.
    pub(super) nationality: Tri,
    pub(super) given: &'static [(&'static str, &'static str)],
    pub(super) family: &'static [(&'static str, &'static str)],
    /// Vietnamese order: family, middle, given.
    pub(super) middle: &'static [(&'static str, &'static str)],
    /// Skill id of the mother tongue (or of the language used at work).
    pub(super) skill: &'static str,
}

/// Countries migrant workers come from.
pub(super) const MIGRANT_ORIGINS: &[Origin] = &[
    Origin {
        country: "VN",
        skill: "vietnamese",
        lang: "vi",
        nationality: ["越南", "越南", "Vietnamese"],
        given: &[
            ("Thành", "thanh"),
            ("Hùng", "hung"),
            ("Lan", "lan"),
            ("Hoa", "hoa"),
            ("Tuấn", "tuan"),
            ("Dũng", "dung"),
            ("Hương", "huong"),
            ("Nam", "nam"),
            ("Linh", "linh"),
            ("Phúc", "phuc"),
        ],
        family: &[
            ("Nguyễn", "nguyen"),
            ("Trần", "tran"),
            ("Lê", "le"),
            ("Phạm", "pham"),
            ("Hoàng", "hoang"),
            ("Vũ", "vu"),
            ("Đặng", "dang"),
            ("Bùi", "bui"),
        ],
        middle: &[("Văn", "van"), ("Thị", "thi"), ("Đức", "duc"), ("Minh", "minh")],
    },
    Origin {
        country: "ID",
        skill: "indonesian",
        lang: "id",
        nationality: ["印尼", "印尼", "Indonesian"],
        given: &[
            ("Siti", "siti"),
            ("Dewi", "dewi"),
            ("Budi", "budi"),
            ("Agus", "agus"),
            ("Ratna", "ratna"),
            ("Sri", "sri"),
            ("Wahyu", "wahyu"),
            ("Rina", "rina"),
            ("Eko", "eko"),
            ("Putri", "putri"),
        ],
        family: &[
            ("Aminah", "aminah"),
            ("Sari", "sari"),
            ("Santoso", "santoso"),
            ("Wijaya", "wijaya"),
            ("Lestari", "lestari"),
            ("Pratama", "pratama"),
            ("Hidayat", "hidayat"),
            ("Rahayu", "rahayu"),
        ],
        middle: &[],
    },
    Origin {
        country: "PH",
        skill: "english",
        lang: "tl",
        nationality: ["菲律賓", "菲律宾", "Filipino"],
        given: &[
            ("Maria", "maria"),
            ("Jose", "jose"),
            ("Mark", "mark"),
            ("Joy", "joy"),
            ("Angelica", "angelica"),
            ("Jerome", "jerome"),
            ("Liza", "liza"),
            ("Ramon", "ramon"),
        ],
        family: &[
            ("Santos", "santos"),
            ("Reyes", "reyes"),
            ("Cruz", "cruz"),
            ("Bautista", "bautista"),
            ("Garcia", "garcia"),
            ("Mendoza", "mendoza"),
            ("Dela Cruz", "delacruz"),
        ],
        middle: &[],
    },
    Origin {
        country: "TH",
        skill: "thai",
        lang: "th",
        nationality: ["泰國", "泰国", "Thai"],
        given: &[
            ("Somchai", "somchai"),
            ("Niran", "niran"),
            ("Suda", "suda"),
            ("Malee", "malee"),
            ("Anan", "anan"),
            ("Kanya", "kanya"),
            ("Prasit", "prasit"),
        ],
        family: &[
            ("Saelim", "saelim"),
            ("Phongsri", "phongsri"),
            ("Kaewkla", "kaewkla"),
            ("Boonmee", "boonmee"),
            ("Srisuk", "srisuk"),
        ],
        middle: &[],
    },
];

/// Countries foreign professionals and Gold Card holders come from.
pub(super) const PROFESSIONAL_ORIGINS: &[Origin] = &[
    Origin {
        country: "US",
        skill: "english",
        lang: "en",
        nationality: ["美國", "美国", "American"],
        given: &[
            ("Ethan", "ethan"),
            ("Olivia", "olivia"),
            ("Daniel", "daniel"),
            ("Sophie", "sophie"),
            ("Hannah", "hannah"),
            ("Lucas", "lucas"),
        ],
        family: &[
            ("Miller", "miller"),
            ("Parker", "parker"),
            ("Brooks", "brooks"),
            ("Hayes", "hayes"),
            ("Carter", "carter"),
        ],
        middle: &[],
    },
    Origin {
        country: "IN",
        skill: "english",
        lang: "hi",
        nationality: ["印度", "印度", "Indian"],
        given: &[
            ("Priya", "priya"),
            ("Arjun", "arjun"),
            ("Rohan", "rohan"),
            ("Ananya", "ananya"),
            ("Vikram", "vikram"),
        ],
        family: &[
            ("Kumar", "kumar"),
            ("Nair", "nair"),
            ("Sharma", "sharma"),
            ("Iyer", "iyer"),
            ("Reddy", "reddy"),
        ],
        middle: &[],
    },
    Origin {
        country: "JP",
        skill: "japanese",
        lang: "ja",
        nationality: ["日本", "日本", "Japanese"],
        given: &[
            ("Kenji", "kenji"),
            ("Yuki", "yuki"),
            ("Haruto", "haruto"),
            ("Sakura", "sakura"),
            ("Ren", "ren"),
        ],
        family: &[
            ("Tanaka", "tanaka"),
            ("Sato", "sato"),
            ("Suzuki", "suzuki"),
            ("Kobayashi", "kobayashi"),
            ("Watanabe", "watanabe"),
        ],
        middle: &[],
    },
    Origin {
        country: "DE",
        skill: "german",
        lang: "de",
        nationality: ["德國", "德国", "German"],
        given: &[
            ("Lukas", "lukas"),
            ("Anna", "anna"),
            ("Felix", "felix"),
            ("Lena", "lena"),
            ("Jonas", "jonas"),
        ],
        family: &[
            ("Schmidt", "schmidt"),
            ("Weber", "weber"),
            ("Fischer", "fischer"),
            ("Wagner", "wagner"),
            ("Becker", "becker"),
        ],
        middle: &[],
    },
];

/// Universities in Taiwan.
pub(super) const SCHOOLS: &[Tri] = &[
    ["國立臺灣大學", "国立台湾大学", "National Taiwan University"],
    ["國立清華大學", "国立清华大学", "National Tsing Hua University"],
    ["國立陽明交通大學", "国立阳明交通大学", "National Yang Ming Chiao Tung University"],
    ["國立成功大學", "国立成功大学", "National Cheng Kung University"],
    [
        "國立臺灣科技大學",
        "国立台湾科技大学",
        "National Taiwan University of Science and Technology",
    ],
    ["國立中央大學", "国立中央大学", "National Central University"],
    ["國立中興大學", "国立中兴大学", "National Chung Hsing University"],
    ["國立中山大學", "国立中山大学", "National Sun Yat-sen University"],
    ["國立臺北科技大學", "国立台北科技大学", "National Taipei University of Technology"],
    [
        "國立高雄科技大學",
        "国立高雄科技大学",
        "National Kaohsiung University of Science and Technology",
    ],
    [
        "國立屏東科技大學",
        "国立屏东科技大学",
        "National Pingtung University of Science and Technology",
    ],
    ["國立政治大學", "国立政治大学", "National Chengchi University"],
    ["輔仁大學", "辅仁大学", "Fu Jen Catholic University"],
    ["逢甲大學", "逢甲大学", "Feng Chia University"],
    ["長庚大學", "长庚大学", "Chang Gung University"],
    ["東海大學", "东海大学", "Tunghai University"],
    ["元智大學", "元智大学", "Yuan Ze University"],
    ["國立虎尾科技大學", "国立虎尾科技大学", "National Formosa University"],
];

/// Seniority prefixes of professional titles (Chinese prefix, English prefix).
pub(super) const SENIOR: Tri = ["資深", "资深", "Senior"];
pub(super) const JUNIOR: Tri = ["初階", "初级", "Junior"];

/// Opening sentences of postings: {e} employer, {t} title, {c} city.
pub(super) const JOB_INTROS: &[Tri] = &[
    [
        "{e}誠徵{t}，工作地點位於{c}。",
        "{e}诚聘{t}，工作地点在{c}。",
        "{e} is hiring: {t}, based in {c}.",
    ],
    [
        "我們在{c}的團隊持續擴編，誠摯邀請具熱忱的{t}加入。",
        "我们在{c}的团队持续扩张，诚邀有热情的{t}加入。",
        "Our team in {c} is growing and needs another {t}.",
    ],
    [
        "{e}因業務成長，招募{t}一同打造新產品。",
        "{e}因业务增长，招聘{t}一起打造新产品。",
        "Join {e} as our next {t} and help build new products.",
    ],
];

/// Duty sentences of postings: {d} duty, {s} skill.
pub(super) const JOB_DUTIES: &[Tri] = &[
    ["負責{d}。", "负责{d}。", "You will be responsible for {d}."],
    [
        "主要工作為{d}，並與團隊共同使用{s}改善流程。",
        "主要工作为{d}，并与团队一起使用{s}优化流程。",
        "Day to day you will work on {d}, using {s} to improve how we work.",
    ],
    ["您將參與{d}。", "你将参与{d}。", "You will take part in {d}."],
];

/// Requirement sentences of postings: {s} skill, {n} number.
pub(super) const JOB_REQUIREMENTS: &[Tri] = &[
    [
        "熟悉{s}與{s}，具實務經驗者佳。",
        "熟悉{s}和{s}，有实际项目经验者优先。",
        "Hands-on experience with {s} and {s}.",
    ],
    [
        "具{n}年以上{s}相關工作經驗。",
        "{n}年以上{s}相关工作经验。",
        "{n}+ years of experience with {s}.",
    ],
    [
        "能獨立使用{s}完成任務，並具備{s}基礎。",
        "能独立使用{s}完成工作，具备{s}基础。",
        "Able to work independently with {s}; some knowledge of {s} is a plus.",
    ],
    [
        "具{s}專案經驗者優先考慮。",
        "有{s}项目经验者优先。",
        "Experience delivering {s} projects is preferred.",
    ],
    ["對{s}有熱忱，願意學習{s}。", "对{s}有热情，愿意学习{s}。", "Keen to learn {s} and {s}."],
];

/// Closing sentences of postings.
pub(super) const JOB_BENEFITS: &[Tri] = &[
    [
        "提供年終獎金、員工分紅與彈性工時。",
        "提供年终奖金、员工分红和弹性工作制。",
        "We offer a year-end bonus, profit sharing and flexible hours.",
    ],
    [
        "享勞健保、團體保險與每年健康檢查。",
        "享劳健保、团体保险与年度体检。",
        "Labour and health insurance, group insurance and an annual health check.",
    ],
    [
        "提供完整教育訓練與外語進修補助。",
        "提供完善的培训体系与外语进修补贴。",
        "Full training and an allowance for language courses.",
    ],
];

/// Opening sentences of résumé summaries: {t} title, {y} years, {s} skill, {e} employer.
pub(super) const RESUME_INTROS: &[Tri] = &[
    [
        "具{y}年{t}工作經驗，熟悉{s}與{s}。",
        "拥有{y}年{t}工作经验，熟悉{s}和{s}。",
        "{t} with {y} years of experience in {s} and {s}.",
    ],
    [
        "目前在{e}擔任{t}，專長為{s}。",
        "现任{e}{t}，擅长{s}。",
        "Currently working as {t} at {e}, focusing on {s}.",
    ],
];

/// Duty sentences of résumés: {d} duty, {s} skill, {y} years.
pub(super) const RESUME_DUTIES: &[Tri] = &[
    ["曾負責{d}。", "曾负责{d}。", "Responsible for {d}."],
    [
        "過去{y}年主要負責{d}，熟練運用{s}。",
        "过去{y}年主要负责{d}，熟练使用{s}。",
        "For the past {y} years I have worked on {d}, using {s} every day.",
    ],
];

/// Further sentences of résumés: {s} skill, {c} city.
pub(super) const RESUME_MORE: &[Tri] = &[
    ["熟悉{s}、{s}與{s}。", "熟悉{s}、{s}和{s}。", "Skilled in {s}, {s} and {s}."],
    [
        "近期自學{s}，並應用於工作中。",
        "最近自学{s}，并应用到工作中。",
        "Recently taught myself {s} and use it at work.",
    ],
    [
        "曾使用{s}與{s}完成跨部門專案。",
        "曾使用{s}和{s}完成跨部门项目。",
        "Delivered cross-team projects with {s} and {s}.",
    ],
    ["可配合出差與輪班。", "可配合出差和倒班。", "Available for business travel and shift work."],
    [
        "希望在{c}尋找能發揮{s}專長的機會。",
        "希望在{c}找到能发挥{s}专长的机会。",
        "Looking for a role in {c} where I can apply {s}.",
    ],
    [
        "具良好溝通能力，能與跨部門團隊合作。",
        "沟通能力强，能与跨部门团队合作。",
        "A clear communicator who works well across teams.",
    ],
];

/// Words used in place of a skill name when a document has no skills.
pub(super) const NO_SKILL: Tri = ["相關工具", "相关工具", "related tools"];

pub(super) const FAIR: &str = "fair-2023-us-west";
