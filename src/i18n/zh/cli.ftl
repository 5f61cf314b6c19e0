# 诊断信息的通用部分，以及命令行。

untranslated = { $text }
diagnostic-in-file = 位于 { $place }
downgraded = { $message }（{ $why }）
diagnostics-summary = { $errors } 个错误，{ $warnings } 个警告
did-you-mean = 是不是想写 `{ $best }`？
suggest-none-yet = 目前还没有可以作为{ $what }的名称
suggest-one-of = { $what }只能是以下之一：{ $names }
suggest-one-of-many = { $what }只能是 { $count } 个名称之一，例如 { $names }

# “是不是想写”从中挑选的对象。
what-field = 字段
what-anchor = 锚点
what-case = 案例
what-file-name = 文件名
what-key = 键
what-language-code = 语言代码
what-language = 语言
what-slug = 网址名（slug）
what-theme = 主题

in-draft = 在草稿中，草稿不会发布
