// The demo data in Traditional Chinese (as written in Hong Kong) and Swedish (issue 14
// item 5). Names of people and organizations stay as published; each segment list is in
// the order of its event's agenda in seed.ts. Every value passes the console's checks
// (the factories validate it), so the demo cannot hold what the app would refuse.
import type { TranslationsColumn } from "./schema";

interface EventTexts {
  event: TranslationsColumn;
  /** One per agenda segment, in order. */
  segments: TranslationsColumn[];
}

const segment = (zhHant: string, sv: string): TranslationsColumn => ({ "zh-Hant": { title: zhHant }, sv: { title: sv } });
const OPENING_REMARKS = segment("開幕致辭", "Inledande ord");
const PANEL_DISCUSSION = segment("小組討論", "Paneldiskussion");

export const SERIES_TEXTS = {
  disruption: {
    "zh-Hant": {
      title: "駕馭變局",
      description: "探討人們、城市與機構如何應對疫情的全球網絡研討會系列，涵蓋社會與文化、公共衞生、公共交通、城市規劃與設計。",
    },
    sv: {
      title: "Att navigera i en omvälvd värld",
      description: "Globala webbinarier om hur människor, städer och institutioner hanterar pandemin: socialt och kulturellt, folkhälsa, kollektivtrafik, stadsplanering och design.",
    },
  },
  jointWebinars: {
    "zh-Hant": {
      title: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會",
      description: "香港科技大學與瑞典皇家理工學院策略夥伴合作的聯合網絡研討會：斯德哥爾摩與香港兩地的研究人員，探討兩座城市共同面對的課題。",
    },
    sv: {
      title: "Gemensamma webbinarier HKUST × KTH",
      description: "Gemensamma webbinarier inom det strategiska partnerskapet mellan KTH och HKUST: forskare från Stockholm och Hongkong om frågor som båda städerna står inför.",
    },
  },
  alliance: {
    "zh-Hant": {
      title: "香港科技大學–麻省理工學院聯盟論壇",
      description: "香港科技大學與麻省理工學院聯盟的「智能生活」研究講座，題材由物聯網以至生物醫學系統。",
    },
    sv: {
      title: "Forum för alliansen HKUST–MIT",
      description: "Föredrag från alliansen HKUST–MIT om forskning för ett intelligent liv, från sakernas internet till biomedicinska system.",
    },
  },
} satisfies Record<string, TranslationsColumn>;

/** Positions as the universities' own Chinese and Swedish pages style them. */
export const POSITION_TEXTS: Record<string, TranslationsColumn> = {
  "king-chow": {
    "zh-Hant": { position: "署理學生事務長；跨學科課程事務處主任" },
    sv: { position: "Tillförordnad studentdekan; föreståndare för kontoret för tvärvetenskapliga program" },
  },
  "stefan-ostlund": {
    "zh-Hant": { position: "全球關係副校長" },
    sv: { position: "Vicerektor för globala relationer" },
  },
  "donald-low": {
    "zh-Hant": { position: "公共政策學部實務教授；領導及公共政策行政人員教育課程主任" },
    sv: { position: "Adjungerad professor, avdelningen för offentlig politik; chef för vidareutbildningen i ledarskap och offentlig politik" },
  },
  "erik-jenelius": {
    "zh-Hant": { position: "運輸規劃學部副教授" },
    sv: { position: "Docent, avdelningen för transportplanering" },
  },
  "zhi-ning": {
    "zh-Hant": { position: "環境及可持續發展學部副教授" },
    sv: { position: "Docent, avdelningen för miljö och hållbarhet" },
  },
  "ann-legeby": {
    "zh-Hant": { position: "建築學系教授" },
    sv: { position: "Professor, institutionen för arkitektur" },
  },
  "naubahar-sharif": {
    "zh-Hant": { position: "公共政策學部副教授；社會科學部教授" },
    sv: { position: "Docent, avdelningen för offentlig politik; professor, avdelningen för samhällsvetenskap" },
  },
  "zhengtang-luo": {
    "zh-Hant": { position: "化學及生物工程學系教授" },
    sv: { position: "Professor, institutionen för kemi- och bioteknik" },
  },
  "carina-lagergren": {
    "zh-Hant": { position: "應用電化學教授" },
    sv: { position: "Professor i tillämpad elektrokemi" },
  },
  "michael-wang": {
    "zh-Hant": { position: "機械及航空航天工程學系教授" },
    sv: { position: "Professor, institutionen för maskin- och flygteknik" },
  },
  "danica-kragic": {
    "zh-Hant": { position: "機械人、感知與學習學部教授" },
    sv: { position: "Professor, avdelningen för robotik, perception och lärande" },
  },
};

export const COVID_TEXTS: EventTexts = {
  event: {
    "zh-Hant": {
      title: "應對2019冠狀病毒病：從生命科學角度看診斷、大規模檢測及疫苗研發",
      summary: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會",
      descriptionMd: `自2019冠狀病毒病疫情爆發以來，世界各地的研究人員一直努力不懈，尋找應對這項全球挑戰的方法。是次網絡研討會由香港科技大學與瑞典皇家理工學院合辦，兩校醫學科學及工程學的知名學者將分享對抗新型病毒的最新科學發現與技術突破，範疇由感染檢測以至疫苗研發。歡迎參與這場講座及討論，了解全球如何合力有效應對這場來勢洶洶的大流行。

專題討論環節將於香港時間下午5時開始，其後設有與觀眾的互動討論。`,
    },
    sv: {
      title: "Att möta covid-19: diagnostik, masstestning och vaccinutveckling ur ett livsvetenskapligt perspektiv",
      summary: "Gemensamt webbinarium med HKUST och KTH Kungliga Tekniska högskolan",
      descriptionMd: `Sedan covid-19-pandemin bröt ut har forskare över hela världen arbetat oförtrutet för att hitta sätt att möta den globala utmaningen. I det här webbinariet, som HKUST håller tillsammans med KTH Kungliga Tekniska högskolan, berättar framstående forskare i medicinsk vetenskap och teknik från de båda lärosätena om de senaste vetenskapliga rönen och tekniska genombrotten mot det nya viruset, från smittdetektion till vaccinutveckling. Var med när vi presenterar och diskuterar det globala arbetet för att effektivt möta den hotfulla pandemin.

Panelsamtalet börjar kl. 17 Hongkongtid (10 svensk tid) och följs av en interaktiv diskussion med publiken.`,
    },
  },
  segments: [segment("專題討論", "Panelsamtal"), segment("與觀眾互動討論", "Interaktiv diskussion med publiken")],
};

export const BIASES_TEXTS: EventTexts = {
  event: {
    "zh-Hant": {
      title: "偏見、規範與文化：理解我們如何應對大流行的分析框架",
      summary: "「駕馭變局 2020」創新與研究聯合網絡研討會",
      descriptionMd: `2019冠狀病毒病大流行令我們所有人身處前所未見的境況。沒有一個國家能置身疫情之外，應對危機亦沒有放諸四海皆準的方程式；不同城市與個人的做法和反應各有不同。香港科技大學誠邀你參與這場與瑞典皇家理工學院合辦的網絡研討會。研討會屬「駕馭變局」全球網絡研討會系列，從社會與文化、公共衞生、公共交通、城市規劃與設計等角度，探討人們如何應對疫情。我們希望透過這次學術交流，更了解疫後時代的新常態會是怎樣。`,
    },
    sv: {
      title: "Bias, normer och kultur: ett ramverk för att förstå hur vi hanterar en pandemi",
      summary: "Gemensamt webbinarium om innovation och forskning i serien Att navigera i en omvälvd värld 2020",
      descriptionMd: `Covid-19-pandemin har fört oss alla in på okänd mark. Inget land har klarat sig undan utbrottet, och det finns ingen enhetlig formel för att hantera krisen. Städer och människor har valt olika vägar och reagerat på olika sätt. Följ med HKUST i det här webbinariet, en del av den globala webbinarieserien ”Att navigera i en omvälvd värld”, som hålls tillsammans med KTH Kungliga Tekniska högskolan, och hör hur människor hanterar pandemin ur flera perspektiv: socialt och kulturellt, folkhälsa, kollektivtrafik samt stadsplanering och design. Genom det akademiska utbytet vill vi bättre förstå hur det nya normala kommer att se ut efter pandemin.`,
    },
  },
  segments: [
    OPENING_REMARKS,
    segment("行為偏差與我們對大流行的反應", "Beteendemässig bias och hur vi reagerar på pandemier"),
    segment("2019冠狀病毒病對斯德哥爾摩公共交通使用的影響", "Covid-19:s påverkan på kollektivtrafikresandet i Stockholm"),
    segment("SARS-CoV-2傳播的科學，以及疫情新常態下保障公共衞生的措施", "Hur sars-cov-2 sprids, och åtgärder som skyddar folkhälsan i pandemins nya vardag"),
    segment("新冠疫情如何改變我們使用城市及公共空間的習慣", "Hur coronapandemin förändrar våra vanor i staden och det offentliga rummet"),
    PANEL_DISCUSSION,
  ],
};

export const GRAPHENE_TEXTS: EventTexts & { questions: TranslationsColumn[] } = {
  event: {
    "zh-Hant": {
      title: "石墨烯薄膜與潔淨能源",
      summary: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會：燃料電池及電解槽材料",
      descriptionMd:
        "曾合作研究石墨烯薄膜的**香港科技大學**及**瑞典皇家理工學院**研究人員，將探討這種極薄的碳材料可為燃料電池、電解槽及水處理帶來甚麼可能。\n\n講座後設有主持討論環節及觀眾答問。",
    },
    sv: {
      title: "Grafenmembran för ren energi",
      summary: "Gemensamt webbinarium med HKUST och KTH om material för bränsleceller och elektrolysörer",
      descriptionMd:
        "Forskare från **HKUST** och **KTH** som har arbetat tillsammans med grafenmembran berättar vad tunt kol kan göra för bränsleceller, elektrolysörer och vattenrening.\n\nEfter föredragen följer ett modererat samtal och frågor från publiken.",
    },
  },
  segments: [
    segment("歡迎辭", "Välkommen"),
    segment("大規模製造石墨烯薄膜", "Grafenmembran i stor skala"),
    segment("電化學實驗室裏的薄膜", "Membran i elektrokemilabbet"),
    segment("小組討論及答問環節", "Paneldiskussion och frågor från publiken"),
  ],
  questions: [
    {
      "zh-Hant": { label: "你在哪類機構工作？", options: ["大學", "業界", "政府", "其他"] },
      sv: { label: "Var arbetar du?", options: ["Universitet eller högskola", "Näringsliv", "Offentlig sektor", "Annat"] },
    },
    { "zh-Hant": { label: "想向講者提出的問題" }, sv: { label: "En fråga till panelen" } },
    {
      "zh-Hant": { label: "我希望收到日後香港科技大學 × 瑞典皇家理工學院網絡研討會的消息" },
      sv: { label: "Skicka mig nyheter om kommande webbinarier med HKUST och KTH" },
    },
  ],
};

export const ROBOTICS_TEXTS: EventTexts = {
  event: {
    "zh-Hant": {
      title: "機械人操控：表示方法與優化",
      summary: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會：來自兩校聯合資助的 RoMRO 項目",
      descriptionMd: "機械人應如何表示它所處理的物件？獲兩校夥伴計劃聯合資助的兩個研究團隊，將就抓取、規劃及學習交流心得。",
    },
    sv: {
      title: "Robotmanipulation: representation och optimering",
      summary: "Gemensamt webbinarium med HKUST och KTH från det samfinansierade projektet RoMRO",
      descriptionMd: "Hur ska en robot representera föremålen den hanterar? Två forskargrupper som partnerskapet finansierar gemensamt jämför erfarenheter av att greppa, planera och lära.",
    },
  },
  segments: [
    segment("靈巧抓取的優化方法", "Optimering för fingerfärdiga grepp"),
    segment("讓機械人從中學習的表示方法", "Representationer som robotar kan lära sig av"),
    segment("觀眾提問", "Frågor från publiken"),
  ],
};

export const IOT_TEXTS: EventTexts = {
  event: {
    "zh-Hant": {
      title: "物聯網應用於智能建築及交通",
      summary: "香港科技大學–麻省理工學院聯盟研究群組成果展示",
      descriptionMd: "聯盟的物聯網研究群組將介紹其智能建築及交通項目，這些項目獲香港贊助企業支持。隨後將討論如何把競爭前研究轉化為實際應用。",
    },
    sv: {
      title: "Sakernas internet för smarta byggnader och transporter",
      summary: "Klusterpresentation från alliansen HKUST–MIT",
      descriptionMd: "Alliansens IoT-kluster presenterar sina projekt om smarta byggnader och transporter, med stöd från sponsorföretag i Hongkong. Därefter följer ett samtal om hur förkommersiell forskning kan omsättas i praktiken.",
    },
  },
  segments: [OPENING_REMARKS, segment("研究群組成果展示及討論", "Klusterpresentation och diskussion")],
};
