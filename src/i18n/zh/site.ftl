# 站点设置、YAML、主题、照片和文件。

## content/mod.rs

files-site-yaml-missing = 缺少站点设置文件 content/site.yaml
files-site-yaml-missing-hint = 每个站点都需要 content/site.yaml，写明站点标题、语言和词表；用 `casebook new` 新建的站点自带这个文件
files-translation-alone = 这个译文文件所在的文件夹中没有对应的默认语言文件
files-translation-alone-hint = 请先添加默认语言（{ $language }）的文件；译文会继承它的内容
files-method-no-page = 方法 `{ $key }` 还没有页面正文
files-method-no-page-hint = 请添加 content/methods/{ $key }.md，说明这个方法是什么意思、怎样开展
files-not-a-method = `{ $key }` 不是本站的方法
files-page-reserved = 页面不能叫 `{ $slug }`：这个网址已被站点占用
files-page-reserved-hint = 请给文件改名
files-photo-not-shown = 这张照片没有在它的案例中展示
files-photo-not-shown-hint = 请把它加到 index.md 的 `photos:` 中，或在正文中用 ![照片描述](文件名) 展示它，或者删除它
files-not-published = 这个文件不属于任何页面，不会发布
files-not-published-hint = 照片和文档应放在案例文件夹里，与案例的 index.md 放在一起
files-hidden-txt = `{ $name }` 的文件名以 `.txt` 结尾，所以 casebook 不会读取它
files-hidden-txt-hint = 请把它改名为 `{ $meant }`：Windows 会隐藏 `.txt` 这个扩展名，所以文件资源管理器里显示的是 `{ $meant }`（在“查看 › 显示 › 文件扩展名”中可以让扩展名显示出来）

## content/files.rs

files-markdown-unknown = 这个 Markdown 文件不属于任何页面
files-markdown-unknown-hint = 案例放在 content/cases/<slug>/index.md，方法放在 content/methods/<key>.md，课程放在 content/courses/<slug>.md，页面放在 content/pages/<slug>.md（<slug> 是网址名，<key> 是方法的键）
files-default-language-code = `{ $code }` 是本站的默认语言，默认语言文件的文件名不带语言代码
files-default-language-code-hint = 请把 `{ $file }` 改名为 `{ $name }.md`
files-unknown-language-code = 文件名中的 `{ $code }` 不是本站的译文语言
files-case-other-markdown = 案例文件夹里的这个 Markdown 文件不是案例正文
files-case-other-markdown-hint = 案例正文的文件名是 index.md（译文文件是 index.<lang>.md，<lang> 为语言代码）
files-invalid-slug = `{ $slug }` 不是有效的网址名
files-invalid-slug-hint = 网址名只能由小写英文字母、数字和 `-` 组成（它会成为页面的网址）：请给文件或文件夹改名
files-empty = 这个文件是空的
files-empty-hint = 请在两行 `---` 之间写上字段，再写正文；`casebook new case <slug>` 会写出一个列好所有字段的案例文件
files-no-front-matter = 文件开头没有设置区
files-no-front-matter-hint = 文件第一行请写 `---`，接着写 YAML 字段，最后再写一行 `---`
files-front-matter-unclosed = 文件开头的设置区没有结束
files-front-matter-unclosed-hint = 请在 YAML 字段之后加一行，这一行只写 `---`
files-front-matter-dashes = 设置区的结束行写成了 `{ $dashes }`
files-front-matter-dashes-hint = 结束行只能写三个英文减号 `---`：中文输入法打出的是破折号，请切换到英文再输入

## load.rs

files-cannot-read = 无法读取文件：{ $detail }
files-utf16 = 文件保存成了 UTF-16 编码，不是 UTF-8
files-gbk = 文件保存成了 GBK 编码（旧版中文 Windows 的编码），不是 UTF-8
files-not-utf8 = 文件不是有效的 UTF-8 文本
files-save-as-utf8-hint = 请把文件另存为 UTF-8 编码：在记事本中，选“文件 › 另存为”，“编码”选 UTF-8；在 WPS 或 Word 中，选“另存为 › 纯文本 › Unicode (UTF-8)”；在 VS Code 中，点击状态栏里的编码 › “通过编码保存” › UTF-8

## yaml/mod.rs

yaml-tab-indent = 这一行用制表符（Tab）缩进
yaml-tab-indent-label = 制表符
yaml-tab-indent-hint = YAML 只能用空格缩进：请把制表符换成两个空格（从 Word 或 WPS 粘贴的文字常带有制表符）
# $detail：YAML 解析器自己的说明，是英文。
yaml-invalid = YAML 格式有误：{ $detail }
yaml-not-boolean = 这里只能写 true 或 false
yaml-not-boolean-label = 是与否要用英文写
yaml-not-boolean-hint = “是”写 true，“否”写 false（英文小写，不加引号），例如 `draft: true`
yaml-unknown-field = 未知字段 `{ $field }`
yaml-unknown-field-label = 这不是这个文件的字段
yaml-missing-field = 缺少字段 `{ $field }`
yaml-missing-field-hint = 请在这里加上 `{ $field }:`；这类条目都必须有这个字段
yaml-wrong-shape = 这里应该写{ $expected }
yaml-wrong-shape-label = 从这里开始的是列表（`[` 或 `- `）或一组字段（`{"{"}`）
yaml-shape-value = 一个值（一段文字、一个数字或 true/false），不是列表或一组字段
yaml-shape-list = 一个列表
yaml-shape-mapping = 一行一个的 `名称: 内容`
yaml-invalid-type-hint = 请检查值的写法：列表写成 `[a, b]` 或一行一个 `- `，键和值写成一行一个 `key: value`；以特殊字符开头的文字要加引号
yaml-invalid-hint = 请检查这一行附近的缩进和引号：含有 `: `，或以 `[`、`{"{"}`、`*`、`&` 开头的文字要加引号
yaml-duplicate-key = `{ $key }` 写了两次
yaml-duplicate-key-label = 这里又写了一次
yaml-duplicate-key-first-hint = `{ $key }:` 第一次出现在第 { $line } 行；两处只保留一处
yaml-duplicate-key-hint = 在文件的这一部分只保留一个 `{ $key }:`

## yaml/mistakes.rs

yaml-full-width-colon = `{ $key }` 后面是全角冒号 `：`
yaml-full-width-colon-label = 全角冒号
yaml-full-width-colon-hint = 请改成英文冒号加一个空格：`{ $key }: …`（输入 YAML 的键时，请把输入法切换到英文标点）
yaml-chinese-quote = `{ $mark }` 是中文引号，YAML 不把它当作引号
yaml-chinese-quote-label = 中文引号
# $line：编辑写的那一行，中文引号已换成英文引号。
yaml-chinese-quote-hint = 请用英文引号把文字括起来：`{ $line }`（把输入法切换到英文标点即可输入英文引号）
yaml-full-width-dash = 这个列表项以 `{ $dash }` 开头，YAML 不把它当作列表的短横线
yaml-full-width-dash-label = 不是英文短横线
yaml-full-width-dash-hint = 请输入英文短横线和一个空格（把输入法切换到英文标点）：`- { $item }`
yaml-colon-in-value = `{ $key }` 的内容里有 `: `（英文冒号加空格），会被读成另一个字段的开头
yaml-colon-in-value-label = 英文冒号加空格
yaml-colon-in-value-hint = 把整段内容放在英文引号里：`{ $line }`，或者在中文里改用中文冒号 `：`
yaml-stray-indent = `{ $key }` 前面有缩进，但上一行并没有开始需要缩进的内容
yaml-stray-indent-label = 行首的空格
yaml-stray-indent-hint = 去掉行首的空格，像前后的字段一样从第一列写起：`{ $key }: …`
yaml-quote-closed-chinese = 这个引号用中文引号 `”` 结束，YAML 不把它当作引号的结束
yaml-quote-closed-chinese-hint = 请用英文引号 `"` 结束：`{ $line }`
yaml-full-width-space = `{ $field }` 前面有一个全角空格 `　`，YAML 会把它当作字段名的一部分
yaml-full-width-space-label = 全角空格
yaml-full-width-space-hint = 删掉 `{ $field }` 前面的空格：字段从第一列写起，需要缩进时用英文（半角）空格
yaml-no-colon = `{ $key }` 后面没有冒号
yaml-no-colon-label = 字段名后面要写 `: `
yaml-no-colon-hint = 在字段名后面写英文冒号和一个空格：`{ $key }: { $value }`
yaml-wrapped-line = 这一行会被读成一个新字段，而不是上一行文字的继续
yaml-wrapped-line-label = 从第一列开始
yaml-wrapped-line-hint = 把这段文字接到上一行末尾；或者在字段名后写 `>`，再把文字的每一行都缩进两个空格
yaml-reserved-start = `{ $key }` 的内容以 `{ $mark }` 开头，YAML 会把它当作特殊符号，而不是文字
yaml-reserved-start-label = 被当作特殊符号
yaml-reserved-start-hint = 把内容放在英文引号里：`{ $line }`
yaml-stray-item = 这里是一个列表项，但上面的 `{ $key }` 已经写了内容
yaml-stray-item-label = 列表项
yaml-stray-item-hint = 如果 `{ $key }` 要写成列表，请写成 `{ $key }: [{ $item }]`，或者单独一行写 `{ $key }:`，下面每一项前面缩进两个空格
yaml-unclosed-bracket = 这个 `{ $open }` 在本行没有结束
yaml-unclosed-bracket-label = 从这里开始
yaml-unclosed-bracket-hint = 请在同一行用 `{ $close }` 结束：`{ $line }`
yaml-unclosed-quote = 这个引号在本行没有结束
yaml-unclosed-quote-label = 引号从这里开始
yaml-unclosed-quote-hint = 请在同一行用 `"` 结束这段文字；文字里面的 `"` 要写成 `\"`
yaml-number-with-unit = `{ $value }` 不是数字
yaml-number-with-unit-label = 这里应是数字
yaml-number-with-unit-hint = 只写数字，不要带“年”、单位或空格：`{ $number }`

## config/mod.rs

# config-label-missing 所说缺少某种语言文字的对象。
config-what-title = 站点标题 `title`
config-what-description = 站点简介 `description`
config-not-a-language = `{ $code }` 不是本站的语言
config-label-missing = { $what } 缺少 `{ $code }` 语言的文字
config-label-missing-hint = 请添加 `{ $code }: …`，让这种语言的页面也有相应的文字
config-default-language-unlisted = 默认语言 `{ $code }` 没有列在 `languages` 下
config-language-code-invalid = 语言代码 `{ $code }` 不是由小写英文字母组成的代码
config-language-code-invalid-hint = 请用简短的代码，例如 `zh` 或 `en`；它会出现在文件名和网址中
config-page-size-range = page_size 的值 { $size } 超出了允许范围
config-page-size-range-hint = 请填 1 到 1000 之间的数字；默认是 60
config-photo-widths = 照片宽度必须在 16 到 8192 像素之间
config-photo-widths-hint = 例如 `widths: [480, 960, 1600]`
config-photo-quality = 照片质量必须在 1 到 100 之间
config-photo-quality-hint = 80 能在文件大小和画质之间取得较好的平衡

## config/vocab.rs

# $vocab：词表的英文单数名（method、challenge、kind、role、province、change）。
vocab-unknown-key = 未知的{ $vocab ->
        [method] 方法
        [challenge] 难题
        [kind] 类型
        [role] 角色
        [province] 省份
        [change] 变化
       *[other] { $vocab }
    }键 `{ $key }`
# $vocabulary：词表在 `vocabularies:` 下的名称（methods、provinces 等）。
vocab-unknown-key-label = 没有在 content/site.yaml 的 `vocabularies.{ $vocabulary }` 下声明
vocab-keys-joined-hint = 多个键之间请用英文逗号加一个空格分隔：`[{ $keys }]`（`，` 和 `、` 是中文标点，YAML 会把它们当作文字的一部分）
vocab-key-invalid = 词表中的键 `{ $key }` 不是有效的键
vocab-key-invalid-hint = 键只能由小写英文字母、数字和 `-` 组成（例如 `co-decision`）；键会出现在网址中
# config-label-missing 所说的词表键。
vocab-what-term = 键 `{ $key }`

## theme/mod.rs

theme-not-found = 找不到主题 `{ $name }`
theme-not-found-label = themes/ 下没有这个名字的文件夹
theme-not-found-hint = { $suggestion }（主题就是 themes/ 下的一个文件夹；要用内置主题，请删去 `theme:` 这一行）

## theme/compile.rs

# $detail：模板引擎自己的说明，是英文。
theme-template-error = 模板错误：{ $detail }
theme-template-error-hint = 请修改模板；模板的写法见 Tera 2 的文档
theme-template-error-detail-hint = { $detail }
theme-template-not-utf8 = 模板不是有效的 UTF-8 文本
theme-template-missing = 主题 `{ $theme }` 缺少模板 `{ $template }`
theme-template-missing-hint = 请从默认主题中复制这个模板
theme-strings-missing = 主题 `{ $theme }` 没有 `{ $code }` 语言的界面文字
theme-strings-missing-hint = 请在主题中添加 i18n/<code>.yaml（<code> 为语言代码），内容从其他语言的文件翻译过来
theme-string-missing = 界面文字 `{ $key }` 缺失；将显示默认语言的文字
theme-string-missing-hint = 请添加 `{ $key }: …`，内容译自“{ $text }”

## photos.rs

photos-this-photo-label = 这张照片
photos-cannot-read = 无法读取照片 { $name }：{ $detail }
photos-cannot-read-hint = 请把照片放进案例文件夹，并准确写出它的文件名（文件名区分大小写）
photos-empty = 照片 { $name } 是空文件
photos-empty-hint = 请重新复制这张照片；这个文件里没有任何数据
photos-cache-write = 无法把处理好的照片写入缓存文件夹 { $cache }：{ $detail }
photos-cache-write-hint = 请检查缓存文件夹是否可写，或在 site.yaml 中用 `photos: {"{"}cache: …{"}"}` 另设一个缓存文件夹
photos-cannot-resize = 无法缩放照片 { $name }：{ $detail }
photos-save-again-hint = 请把照片重新另存为 JPEG 再试
photos-cannot-encode = 无法把照片 { $name } 转存为 JPEG：{ $detail }
photos-cache-damaged = 照片 { $name } 的缓存已损坏，现已删除
photos-cache-damaged-hint = 请重新生成网站
photos-unsupported = 照片 { $name } 不是 JPEG、PNG 或 WebP 图片
photos-unsupported-hint = 请把照片另存为 JPEG（或 PNG、WebP），并使用对应的扩展名
photos-truncated = 照片 { $name } 不完整
photos-truncated-hint = 这个文件只复制了一部分：请从相机或手机重新复制
photos-unreadable = 无法读取照片 { $name }：{ $detail }
photos-unreadable-hint = 文件可能已损坏或只复制了一部分：请重新复制
photos-too-large = 照片 { $name } 有 { $width }×{ $height } 像素（{ $megapixels } 百万像素），超过了允许的 { $allowed } 百万像素
photos-too-large-hint = 请先把照片缩小再添加（宽几千像素就足够了），或在 site.yaml 中调高 `photos: {"{"}max_megapixels: …{"}"}`
photos-limits-hint = 请先把照片缩小再添加
photos-damaged = 照片 { $name } 已损坏或不完整：{ $detail }
photos-damaged-hint = 文件可能只复制了一部分：请从相机或手机重新复制

config-synonyms-one-word = 一组同义词至少要有两个词
config-synonyms-one-word-hint = 请把意思相同的词写在同一组里，例如 [垃圾, 废弃物]，或者删掉这一组
