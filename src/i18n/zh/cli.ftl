# 诊断信息的通用部分，以及命令行。

verbatim = { $text }
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

# 命令行。
cli-internal-error = 内部错误：{ $message }
    这是 casebook 的程序错误，不是您文件的问题；没有写入任何文件。请把上面的信息报告给我们。
cli-no-browser = 无法打开浏览器；请自己打开 { $url }
cli-io-error = 错误：{ $detail }
cli-build-failed = 构建失败：{ $out } 保持原样，没有改动
cli-photos = 照片：处理了 { $processed } 张，{ $cached } 张来自缓存
cli-built = 已把 { $cases } 个案例构建为 { $files } 个文件（{ $mb } MB），用时 { $seconds } 秒 → { $out }
cli-packed = 已把 { $files } 个文件打包为 { $zip }（{ $mb } MB）：解压后打开 index.html 即可
cli-cannot-write = 错误：无法写入 { $path }：{ $detail }
cli-no-problems = 没有发现问题
cli-watching = 正在监视 { $root } 的改动（按 Ctrl-C 停止）
cli-new-needs-site = 错误：content/site.yaml 必须先正确无误，才能根据它创建新文件
cli-new-exists = 错误：名为 `{ $slug }` 的{ $kind ->
        [case] 案例
       *[course] 课程
    }已经存在：请换一个网址名，或直接编辑它的文件
cli-created = 已创建 { $path }
cli-serve-exposed = 警告：正在 { $bind } 上提供预览：能访问这台电脑的任何人都能看到预览，包括草稿
cli-serving = 预览地址 { $url }（按 Ctrl-C 停止）

# 预览。
serve-built = 已构建 { $files } 个文件，用时 { $seconds } 秒
serve-what-settings = 站点设置或主题
serve-rebuilt = { $what } 改动后已重新构建，用时 { $ms } 毫秒
serve-rebuilt-with-errors = { $what } 改动后已重新构建，用时 { $ms } 毫秒，有 { $errors } 个错误；预览继续显示上一次正确的网站
serve-internal-error = 内部错误：{ $what } 改动后，casebook 在重新构建时出错：{ $message }
    这是 casebook 的程序错误，不是您文件的问题；请连同这里提到的文件一起报告给我们。预览会继续显示上一次正确的网站；再保存一次即可重试。

# 诊断信息各行开头的词。
level-error = 错误
level-warning = 警告
level-note = 说明
level-help = 怎么改
