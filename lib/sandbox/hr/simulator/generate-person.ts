const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "丽", "霞", "平", "刚", "桂英", "晨", "欣怡", "子涵", "浩然", "雨桐", "梓轩"];
const PINYIN_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"];
const TITLES = ["工程师", "高级工程师", "产品经理", "销售代表", "客户经理", "HRBP", "会计", "设计师", "测试工程师", "运营专员"];

/** A plausible, deterministic person for employee number `n` (names, unique mobile and email). */
export function generatePerson(n: number, employeeNo: string) {
  const s = n % SURNAMES.length;
  const given = GIVEN[(n * 7) % GIVEN.length];
  return {
    name: `${SURNAMES[s]}${given}`,
    nameEn: `${PINYIN_SURNAMES[s]} ${employeeNo}`,
    email: `${employeeNo.toLowerCase()}@demo.orgbridge.example`,
    mobile: `139${String(10_000_000 + n).slice(-8)}`,
    title: TITLES[(n * 3) % TITLES.length],
  };
}
