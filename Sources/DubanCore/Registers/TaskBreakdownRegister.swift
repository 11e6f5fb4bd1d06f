/// 工作责任分解表 — a task-breakdown table in the columns of 001 阳政办(2018)11号 附件
/// (汉阳区交通秩序综合治理工作责任分解表: 序号, 任务目标, 责任单位, 完成时限; SPEC M3 "Registers").
public enum TaskBreakdownRegister {
    public static let columns = ["序号", "任务目标", "责任单位", "完成时限"]

    /// 完成时限 may be empty (a task "长期坚持" has none); when given it is kept as written, and the date
    /// is read at assignment (``TaskDeadlineParser``).
    public static let layout = RegisterLayout(columns: columns, required: ["任务目标", "责任单位"])

    /// The unit names in a 责任单位 cell, as the table writes them: separated by spaces, 、, commas or
    /// semicolons, a bracketed sub-unit kept with its unit ("区建设局 (建管站)", "公安汉阳分局 (区交通大队)").
    public static func unitNames(in cell: String) -> [String] {
        let separators: Set<Character> = [" ", "\u{3000}", "、", ",", "，", ";", "；", "\n", "\r\n", "\t"]
        var names: [String] = []
        var current = ""
        var depth = 0
        for character in cell {
            if character == "(" || character == "（" {
                // "区建设局 (建管站)": a bracket opening a new word belongs to the name before it.
                if depth == 0, current.isEmpty, let last = names.popLast() { current = last + " " }
                depth += 1
                current.append(character)
            } else if character == ")" || character == "）" {
                depth = max(0, depth - 1)
                current.append(character)
            } else if depth == 0 && separators.contains(character) {
                if !current.isEmpty { names.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { names.append(current) }
        return names
    }
}
