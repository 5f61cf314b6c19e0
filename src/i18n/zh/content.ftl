# 内容阶段。

# src/content/doc.rs

doc-field-empty = `{ $field }` 还是空的
doc-field-empty-hint = 请在这一行的 `{ $field }:` 后面写上内容
doc-field-missing = 缺少字段 `{ $field }`
doc-field-missing-hint = 请在文件开头的设置区加上 `{ $field }: …`，这类文件都必须有这个字段

# src/content/case.rs

case-province-missing = 缺少字段 `place.province`
case-province-missing-hint = 请在 `place` 下加上 `province: <key>`，键要从 `vocabularies.provinces` 中选
case-updated-not-date = `{ $value }` 不是日期
case-updated-not-date-hint = 日期请写成 YYYY-MM-DD 的格式，例如 2022-09-06
case-updated-missing = 缺少字段 `updated`
case-updated-missing-hint = 请加上 `updated: YYYY-MM-DD`，即最新来源或最近一次修订的日期；订阅源按这个日期排序
case-since-implausible = `{ $year }` 不是一个合理的年份
case-since-implausible-hint = 请写试点开始的年份，例如 2017
case-vocab-field-missing = 缺少字段 `{ $field }`
case-vocab-field-missing-hint = 请加上 `{ $field }: <key>`，键要从 content/site.yaml 的 `vocabularies` 中选
case-field-differs = `{ $field }` 与默认语言文件中的不一致
case-field-differs-hint = 译文会从 index.md 继承 `{ $field }`：请在这里删掉它，或者改成与默认语言文件相同

# src/content/case_text.rs

case-place-missing = 缺少字段 `place`
case-place-missing-hint = 请加上 `place: {"{"}village: …, province: <key>{"}"}`
case-village-missing = 缺少字段 `place.village`
case-village-missing-hint = 请在 `place` 下加上 `village:`，写村或社区的名称
case-methods-missing = 缺少字段 `methods`
case-methods-missing-hint = 请加上 `methods:`，案例用到的每个方法写一行，例如 `co-decision: …`
case-method-not-in-default = 方法 `{ $key }` 不在默认语言文件中
case-method-not-in-default-hint = 译文只翻译 index.md 中已有的方法；请先在 index.md 中加上这个方法
case-methods-empty = `methods` 是空的
case-methods-empty-hint = 请至少在一个方法下写出这个案例做了什么
case-practices-count = 这里有 { $count } 条做法，默认语言文件中有 { $base } 条
case-practices-count-hint = 译文要列出与 index.md 同样多的做法，每条用 `translates:` 写明它翻译的是哪一条
case-practice-method-differs = 这条做法归在了与默认语言文件不同的方法下
case-practice-method-differs-hint = 译文中的做法要归在与它翻译的那条做法相同的方法下
case-practice-unnamed = 这条做法没有名称
case-practice-unnamed-hint = 请给这条做法起一个简短的名称
case-practice-name-twice = 第 { $line } 行已经有一条名为“{ $name }”的做法
case-practice-name-twice-hint = 每条做法起一个不同的名称：译文靠名称找到它翻译的那条做法
case-practice-translated-twice-hint = 每条做法只翻译一次：把这里的 `translates:` 改成另一条做法的 name
case-practice-translated-twice = “{ $name }”这条做法在第 { $line } 行已经翻译过了
case-practice-translates-unknown = index.md 中没有名为“{ $name }”的做法
case-practice-translates-missing-any = 在这条做法中加一行 `translates:`，写上 index.md 中一条做法的 name：{ $names }
case-practice-translates-missing-hint = 在这条做法中加一行 `translates: { $name }`（照抄 index.md 中那条做法的 name）
case-practice-translates-missing = 译文中的这条做法没有写明它翻译的是 index.md 中的哪一条
case-figures-count = 这里有 { $count } 项数据，默认语言文件中有 { $base } 项
case-figures-count-hint = 译文要按相同的顺序列出相同的数据；可以只写 `label`
case-figure-no-number = 这项数据没有数值
case-figure-no-number-hint = 请填写 `value`，或者同时填写 `before` 和 `after`
case-source-not-url = `{ $url }` 不是网址
case-source-not-url-hint = 请写完整的网址，以 https:// 开头
case-source-url-fix-hint = 请写成 `{ $url }`：网址两边不加引号，冒号和斜杠用英文标点
case-tag-empty = 这个标签是空的
case-tag-empty-hint = 请从 `tags` 中删去这个空的条目

# src/content/photos.rs

photo-pairs-count = 这里有 { $count } 组对比照片，默认语言文件中有 { $base } 组
photo-pairs-count-hint = 译文要按相同的顺序列出相同的对比照片；可以只写图注和替代文字
photo-file-differs = `{ $which }` 与默认语言文件中的不一致
photo-file-differs-hint = 照片在每种语言中都相同：请在这里省略这个文件，或者写成与默认语言文件相同
photo-not-in-folder = 照片 `{ $file }` 不在案例文件夹中
photo-not-in-folder-label = 找不到文件
photo-not-in-folder-hint = 请把照片放在 index.md 所在的文件夹中，并准确写出文件名（文件名区分大小写）；路径不能指向案例文件夹以外
photo-file-missing = 第 { $pair } 组对比照片没有 `{ $which }` 文件
photo-file-missing-hint = 请在这组照片中加上 `{ $which }: <file name>`（<file name> 处写照片的文件名）
photo-alt-missing = 第 { $pair } 组对比照片没有 `alt_{ $which }` 替代文字
photo-alt-missing-hint = 请加上 `alt_{ $which }: …`，描述照片的内容，方便看不到照片的读者了解

# src/content/course.rs

course-sessions-count = 这里有 { $count } 个课时，默认语言文件中有 { $base } 个
course-sessions-count-hint = 译文要按相同的顺序列出相同的课时
course-session-case-differs = 这个课时对应的案例与默认语言文件中的不一致
course-session-case-differs-hint = 请按默认语言文件中的顺序排列课时
course-session-draft = 案例 `{ $case }` 是草稿
course-session-draft-hint = 请发布这个案例（删去 `draft: true`），或者把它从课程中去掉
course-session-no-case = 没有网址名为 `{ $case }` 的案例
course-no-sessions = 课程没有课时
course-no-sessions-hint = 请加上 `sessions:`，至少写一行 `- case: <slug>`
course-sessions-missing = 缺少字段 `sessions`
course-sessions-missing-hint = 请加上 `sessions:`，按授课顺序列出课程用到的案例

# src/content/links.rs

# 链接指向的页面种类，即下面消息中的 { $kind }。
section-case = 案例
section-method = 方法
section-course = 课程
section-page = 页面
link-to-draft = 链接指向的{ $kind } `{ $slug }` 是草稿
link-to-draft-label = 未发布
link-to-draft-hint = 请先发布它，或者删掉这个链接
link-broken = 链接指向的{ $kind } `{ $slug }` 不存在
link-broken-label = 无效链接
link-anchor-missing = { $kind } `{ $slug }` 中没有标题 `#{ $fragment }`
link-anchor-missing-label = 无效锚点
link-image-missing = 图片 `{ $file }` 不在案例文件夹中
link-image-missing-label = 找不到文件
link-image-missing-hint = 请把文件放在 index.md 所在的文件夹中，并准确写出文件名（文件名区分大小写）

# src/markdown.rs

markdown-script-link-removed = 已删除指向 `{ $scheme }` 的链接
markdown-script-link-removed-hint = 公开网站的链接中不允许使用脚本；请链接到本站页面或 http(s) 网址
markdown-not-site-link = `{ $dest }` 不是指向本站页面的链接
markdown-not-site-link-hint = 请写成 `@/cases/<slug>`、`@/methods/<key>`、`@/courses/<slug>` 或 `@/pages/<slug>`，后面可以再加 `#heading-id`
markdown-link-to-md-file = 网站上不会有文件 `{ $dest }`，这个链接会失效
markdown-link-to-md-file-hint = 链接到本站页面请写 `@/cases/<slug>`、`@/methods/<key>`、`@/courses/<slug>` 或 `@/pages/<slug>`
markdown-image-external = 图片 `{ $dest }` 不是本页所在文件夹中的文件
markdown-image-external-hint = 请把图片放进案例文件夹，并用文件名引用它，这样网站离线也能使用，也不会向其他网站请求内容
markdown-image-outside-case = 只有案例正文中才能放图片
markdown-image-outside-case-hint = 请把照片放进某个案例的文件夹，并在那个案例中展示
markdown-image-no-alt = 图片 `{ $dest }` 没有描述
markdown-image-no-alt-hint = 请在方括号中描述照片的内容，例如：![村口的新垃圾分类点](photo.jpg)

markdown-link-to-preview = 链接 `{ $dest }` 指向的是这台电脑上的预览
markdown-link-to-preview-hint = 请改用 `{ $instead }` 链接到该页面：含 localhost 或 127.0.0.1 的地址只在运行预览的电脑上能打开
markdown-relative-link = 链接 `{ $dest }` 是相对于本页的：显示这段正文的课程包在别的位置，在那里它会失效
markdown-relative-link-hint = 请改写为 `{ $instead }`：casebook 会在每个显示这段正文的页面上把它改成正确的地址
markdown-link-from-root = 链接 `{ $dest }` 从网站根目录开始
markdown-link-from-root-hint = 请改写为 `{ $instead }`：以 `/` 开头的链接在离线版中会失效，网站发布在子目录下时也会失效

case-too-long = `{ $field }` 有 { $length } 个字，通常不超过 { $usual } 个字
case-title-too-long-hint = 标题只写地方的名称，较长的文字请放到 `summary` 里
case-summary-too-long-hint = 摘要只写一段话，详细内容请写在文件开头设置区下面的正文里

case-source-empty = 这条来源没有标题，地址也只有 `{ $url }`，不会显示
case-source-empty-hint = 请写上来源的标题和完整网址，或者删掉这一条
case-source-url-placeholder = `{ $url }` 只是网址的开头：这条来源会显示为没有链接
case-source-url-placeholder-hint = 请写完整的网址，或者删掉 `url`

uncertain-twice = `{ $text }` 在 `uncertain` 里列了两次
uncertain-twice-hint = 请删掉其中一条
uncertain-why-missing = 标为存疑的 `{ $text }` 没有写明原因
uncertain-why-missing-hint = 请在它下面加一行 `why:`，写明为什么存疑，例如：由译文回译，未见原文用词
uncertain-not-found = 标为存疑的 `{ $text }` 在本文件的正文和各项内容里都没有出现
uncertain-not-found-hint = 请照正文的写法一字不差地抄写这个词句（同样的字、同样的标点）；如果正文里已经没有它，就把这一条删掉
