# 诊断信息的通用部分，以及命令行。

verbatim = { $text }
diagnostic-in-file = 位于 { $place }
downgraded = { $message }（{ $why }）
diagnostics-summary = { $errors } 个错误，{ $warnings } 个警告
did-you-mean = 是不是想写 `{ $best }`？
suggest-none-yet = 目前还没有可填写的{ $what }
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
what-slug = 网址名
what-practice = 做法
what-theme = 主题

in-draft = 在草稿中；发布前请改正

# 命令行。
cli-internal-error = 内部错误：{ $message }
    这是 casebook 的程序错误，不是您文件的问题；没有写入任何文件。请把上面的信息报告给我们。
cli-no-browser = 无法打开浏览器；请自行在浏览器中打开 { $url }
cli-io-error = 错误：{ $detail }
cli-build-failed = 生成网站失败：{ $out } 保持原样，没有改动
cli-out-is-file = 不能把网站生成到 { $out }：这是一个已有的文件，生成时会替换掉它。请用 --out 写一个新的文件夹名，例如 --out public
cli-out-holds-site = 不能把网站生成到 { $out }：站点文件夹就在它里面，生成时会连稿件一起替换掉。请用 --out 写站点里的一个新文件夹，例如 --out public
cli-out-in-sources = 不能把网站生成到 { $out }：它在 content/ 或 themes/ 里面，生成的网页会和稿件混在一起。请用 --out 写这两个文件夹以外的文件夹，例如 --out public
cli-out-not-a-site = 不能把网站生成到 { $out }：这个文件夹里已有别的文件，不是 casebook 生成的网站，生成时会替换掉它们。请用 --out 写一个新的或空的文件夹，例如 --out public
cli-photos = 照片：处理了 { $processed } 张，{ $cached } 张来自缓存
cli-built = 已生成网站：{ $cases } 个案例，共 { $files } 个文件（{ $mb } MB），用时 { $seconds } 秒 → { $out }
cli-packed = 已把 { $files } 个文件打包为 { $zip }（{ $mb } MB）：解压后打开 index.html 即可
io-at = { $path }：{ $detail }
io-not-found = 不存在
io-permission-denied = 没有权限：系统不允许 casebook 读写它（它是否正被另一个程序打开，或者在不能写入的文件夹里？）
io-already-exists = 已经存在
io-storage-full = 磁盘已满
io-read-only = 磁盘或文件夹是只读的
io-busy = 另一个程序正在使用它
io-is-a-directory = 这是一个文件夹，不是文件
io-not-a-directory = 路径中的一部分是文件，不是文件夹
io-invalid-filename = 系统不允许这个名称
io-other = { $detail }
cli-cannot-write = 错误：无法写入 { $path }：{ $detail }
cli-no-problems = 没有发现问题
cli-watching = 正在监视 { $root } 的改动（按 Ctrl-C 停止）
cli-new-exists = 错误：名为 `{ $slug }` 的{ $kind ->
        [case] 案例
       *[course] 课程
    }已经存在：请换一个网址名，或直接编辑它的文件
cli-new-translation-exists = 错误：{ $path } 已经存在：请直接编辑它
cli-error = 错误：{ $message }
cli-new-translation-needs-lang = 请写明要翻译成哪种语言：`casebook new translation <网址名> <语言代码>`
cli-new-nothing-to-translate = 没有可翻译的案例或课程 `{ $slug }`：需要先有 content/cases/{ $slug }/index.md 或 content/courses/{ $slug }.md
cli-created = 已创建 { $path }
cli-needs-site = 错误：content/site.yaml 必须先正确无误
cli-schema-written = 已把案例、课程、页面和站点设置的 JSON Schema 写入 { $folder }
cli-schema-not-written = 警告：无法写入编辑器用的 JSON Schema：{ $detail }（可稍后运行 `casebook schema`）
cli-serve-exposed = 警告：正在 { $bind } 上提供预览：能访问这台电脑的任何人都能看到预览，包括草稿
cli-serving = 正在提供预览，地址：{ $url }（按 Ctrl-C 停止）

# 预览。
serve-built = 已生成 { $files } 个文件，用时 { $seconds } 秒
serve-what-settings = 站点设置或主题
serve-rebuilt = { $what } 有改动，已重新生成，用时 { $ms } 毫秒
serve-rebuilt-with-errors = { $what } 有改动，已重新生成，用时 { $ms } 毫秒，有 { $errors } 个错误；预览继续显示上一次没有错误的网站
serve-overlay-heading = casebook：最近的改动有 { $errors } 个错误，下面显示的是上一次没有错误的版本
serve-unshown-title = { $kind }“{ $slug }”还没有页面
serve-unshown-why = 它的文件有下面 { $count } 个问题，预览因此没有生成它的页面。改好并保存后，这里会自动显示它。
serve-port-in-use = 端口 { $port } 已被占用，可能另一个预览正在运行：请先停止它，或用 `--port { $next }` 换一个端口
serve-internal-error = 内部错误：{ $what } 有改动，casebook 在重新生成网站时出错：{ $message }
    这是 casebook 的程序错误，不是您文件的问题；请连同这里提到的文件一起报告给我们。预览会继续显示上一次没有错误的网站；再保存一次即可重试。

# 诊断信息各行开头的词。
level-error = 错误
level-warning = 警告
level-note = 说明
level-help = 怎么改

# `casebook new` 写出的文件。
new-invalid-slug = `{ $slug }` 不能用作网址名：只能用小写英文字母、数字和 `-`（它会成为页面地址），例如 `baishui-village`
new-not-a-translation = `{ $lang }` 不是本站的译文语言；本站的译文语言有：{ $codes }
new-empty-fields = 留空（""）的字段视为还没写。边写边在预览里看，每次保存都会更新。
new-case-title = 案例名称：村或社区的名字。
new-case-summary = 一段话：这个地方做了什么，带来了什么变化。
new-case-place = 地名；province（省份）从以下选一个：{ $keys }
new-case-kind = kind（类型）从以下选一个：{ $keys }
new-case-role = role（角色）从以下选一个：{ $keys }
new-case-since = 试点开始的年份（可不填）。
new-case-updated = 最新来源或修订的日期，格式为 年-月-日（YYYY-MM-DD）。
new-case-challenges = 解决了哪些难题，可从以下选多个：{ $keys }
new-case-changes = 带来了哪些变化，可从以下选多个：{ $keys }
new-case-methods = 在用到的每个方法下写做了什么；方法有：{ $keys }
new-case-practices = 可复制的做法，每个做法归到一个方法下。
new-case-figures = 数据（可不填）：{"{"}label, value{"}"} 或 {"{"}label, before, after, year_before, year_after{"}"}。
new-case-sources = 事实出处：每个来源的标题和网址。
new-case-photos = 前后对比照片：把照片文件放进这个文件夹（与 index.md 放在一起），并在这里写上文件名。
new-case-tags = 自由标签。
new-draft = 草稿只在 `casebook serve` 预览和 `build --drafts` 中显示，其中的问题只作为警告。删掉这一行即可发布。
new-case-heading-background = 背景
new-case-background = 这个地方原来是什么样子，面临哪些难题。
new-case-heading-done = 主要做法
new-case-heading-results = 成效
new-course-audience = 课程面向谁、需要多长时间（可不填）。
new-course-sessions = 按教学顺序排列的案例：`case` 填案例在 content/cases/ 下的文件夹名。
new-course-questions = 结课讨论题。
new-course-notes = 给培训教师的说明：如何使用这份课程包。
new-translation = { $name }版本。这里省略或留空的内容，会使用默认语言文件中的内容，并标注“尚未翻译”。
new-translation-case = 如需翻译方法、做法和数据，请从 index.md 中复制过来再翻译文字；每条做法加一行 `translates:`，写上它在 index.md 中的 name。
new-translation-course = 如需翻译课时，请从默认语言文件中复制：案例相同，顺序相同。

# `casebook list` 和预览中的编辑总览页。
list-draft = 草稿
list-failed = 有错误，未能生成页面
list-published = 已发布
list-state = { $state }，{ $errors } 个错误，{ $warnings } 个警告{ $photos ->
        [0] {""}
       *[other] ，{ $photos } 张照片没有替代文字
    }
list-translation-complete = { $lang }：已翻译
list-translation-missing = { $lang }：还没有译文文件
list-translation-inherits = { $lang }：沿用默认语言的 { $fields }
dashboard-title = casebook：资料库总览
dashboard-summary = 共 { $documents } 个案例、课程和页面；共有 { $errors } 个错误、{ $warnings } 个警告。每次保存后更新。
dashboard-column-kind = 类型
dashboard-column-page = 页面
dashboard-column-state = 状态
dashboard-column-translations = 译文

load-no-content = { $root } 里没有 content/ 文件夹：请用 --root 指定站点所在的文件夹（包含 content/ 的那个）
load-cannot-read = 无法读取 { $path }：{ $detail }
output-thread-panicked = 生成页面的一个线程意外中止（这是 casebook 的缺陷，请报告）
output-written-twice = { $path } 被写入了两次（这是 casebook 的缺陷，请报告）
output-outside = 拒绝写到输出文件夹之外：{ $path }

# The command line's help (cmd/help.rs).
help-about = 把社区试点案例写成可检索的经验库
help-usage = 用法：
help-commands = 命令
help-arguments = 参数
help-options = 选项
help-help = 显示帮助
help-version = 显示版本
usage-unknown-command = 错误：casebook 没有 `{ $command }` 这个命令
usage-unknown-option = 错误：`{ $option }` 不是这个命令的选项
usage-did-you-mean = 是不是想写 `{ $suggestion }`？
usage-missing = 错误：缺少 { $what }：请写在命令后面，格式是 `{ $usage }`
usage-invalid-value = 错误：`{ $option }` 不能写成 `{ $value }`，只能写其中之一：{ $valid }
usage-bad-value = 错误：`{ $option }` 不能写成 `{ $value }`
help-see = 运行 `casebook --help` 查看用法（例如 `casebook serve --help`）
help-build = 把整个站点生成到输出文件夹（要么全部成功，要么什么都不写）
help-check = 运行所有检查并报告问题，不写任何文件
help-serve = 预览站点：在内存中生成并提供访问，保存后自动重新生成并刷新浏览器
help-list = 列出每个案例、课程和页面的状态：草稿或已发布、翻译情况、问题
help-new = 从模板新建案例或课程（草稿），或新建某个案例、课程的译文
help-schema = 把元数据和 site.yaml 的 JSON Schema 写入 .casebook/schema/，供编辑器补全和即时报错
help-lang = 提示信息的语言：zh 或 en（默认取 LC_ALL、LC_MESSAGES 或 LANG，否则用站点的默认语言）
help-root = 站点所在的文件夹，即包含 content/ 的那个（默认：当前文件夹）
help-serve-port = 监听的端口（默认 1111；0 表示任选一个空闲端口）
help-serve-bind = 监听的地址（默认 127.0.0.1）；本机以外的地址会把预览暴露给网络
help-serve-drafts = 显示草稿并加以标注（预览默认如此；与 build 的同名选项对应）
help-serve-no-drafts = 隐藏草稿，看到与 build 发布时一样的站点
help-serve-open = 在默认浏览器中打开预览
help-poll = 轮询文件变化，而不依赖系统通知（网络文件夹、容器中使用）
help-build-out = 输出文件夹（默认：<站点文件夹>/public）
help-build-drafts = 同时发布草稿
help-strict = 把警告当作错误：没写完的内容一律不发布
help-build-base-url = 站点发布后的完整网址（用于规范链接、订阅源和站点地图）
help-build-zip = 同时把生成的站点打包成这个 zip 文件，解压后可离线打开
help-check-format = 输出格式：human（给人看，默认）或 json
help-check-drafts = 同时检查草稿
help-check-watch = 持续监视，每次保存后重新报告问题
help-list-drafts = 只列出草稿
help-list-untranslated = 只列出还没有（完整）翻译成这种语言的内容，例如 en
help-new-what = 新建什么：case（案例）、course（课程）或 translation（已有案例或课程的译文）
help-new-slug = 网址名：小写英文字母、数字和 -（新建译文时，填案例或课程的网址名）
help-new-into = 新建译文时：要翻译成的语言代码，例如 en
help-schema-out = 写到这个文件夹，而不是站点文件夹下的 .casebook/schema/（new 写的文件指向后者）
