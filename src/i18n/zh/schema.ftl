# 编辑器补全与悬停说明：JSON Schema 中每个字段的说明（`casebook schema`）。

schema-title-case = casebook 案例文件（content/cases/<网址名>/index.md 及其译文）的元数据
schema-title-course = casebook 课程包文件（content/courses/<网址名>.md）的元数据
schema-title-page = casebook 页面或方法页（content/pages/、content/methods/）的元数据
schema-title-site = casebook 站点设置（content/site.yaml）

schema-case-title = 案例名称：村或社区的名字，约 30 字以内。
schema-case-summary = 一段话：这个地方做了什么，带来了什么变化，约 300 字以内。显示在案例卡片和搜索结果中。
schema-case-place = 地名：村（社区）、镇（街道）、县（区）、市和省份。
schema-case-kind = 类型：从站点设置的 kinds 中选一个键。
schema-case-role = 角色：从站点设置的 roles 中选一个键。
schema-case-since = 试点开始的年份，只写数字，例如 2019（来源没有写就不填）。
schema-case-updated = 最新来源或修订的日期，格式为 年-月-日，例如 2022-09-06。
schema-case-challenges = 解决了哪些难题：站点设置 challenges 中的键，可选多个。
schema-case-changes = 带来了哪些变化：站点设置 changes 中的键，可选多个。
schema-case-methods = 每个用到的方法下写做了什么：键是站点设置 methods 中的方法，值是一段文字。
schema-case-practices = 可复制的做法，每个做法归到一个方法下。
schema-case-figures = 数据：一个数值（value），或者前后两个数值（before、after）及其年份。
schema-case-sources = 事实出处：每个来源的标题和网址。
schema-case-tags = 自由标签，用于搜索和归类。
schema-case-photos = 前后对比照片：照片文件与 index.md 放在同一个文件夹，这里写文件名。
schema-case-featured = 写 true 时，案例在首页推荐。
schema-case-draft = 写 true 时为草稿：只在预览和 `build --drafts` 中显示，其中的问题只作为警告。

schema-photo-before = 改造前照片的文件名（与 index.md 在同一文件夹）。
schema-photo-after = 改造后照片的文件名（与 index.md 在同一文件夹）。
schema-photo-caption = 照片说明，显示在照片下方。
schema-photo-alt-before = 改造前照片的替代文字：给看不到图片的读者描述照片内容。
schema-photo-alt-after = 改造后照片的替代文字：给看不到图片的读者描述照片内容。
schema-photo-year-before = 改造前照片的拍摄年份。
schema-photo-year-after = 改造后照片的拍摄年份。
schema-photo-credit = 摄影者与许可，例如“张三 / CC BY 4.0”。

schema-place-village = 村或社区的名称。
schema-place-town = 镇或街道的名称。
schema-place-county = 县、县级市或区的名称。
schema-place-city = 地级市或州的名称。
schema-place-province = 省份：站点设置 provinces 中的键。

schema-practice-name = 做法的名称，简短，例如“村民议事会”。
schema-practice-method = 这个做法归属的方法：站点设置 methods 中的键。
schema-practice-translates = 只在译文中写：它翻译的是默认语言文件中哪个做法，照抄那个做法的 name。
schema-practice-summary = 做法的一段说明。
schema-practice-steps = 做法的步骤，按先后顺序。
schema-practice-conditions = 别处照做需要具备的条件。

schema-figure-label = 这个数据是什么，例如“村集体收入”。
schema-figure-value = 一个数值，可以带单位，例如“12 万元”。
schema-figure-before = 改造前的数值。
schema-figure-after = 改造后的数值。
schema-figure-year-before = 改造前数值的年份。
schema-figure-year-after = 改造后数值的年份。

schema-source-title = 来源的标题，例如报道的题目与媒体名。
schema-source-url = 来源的网址，以 https:// 或 http:// 开头；没有网址就不写。

schema-page-title = 页面标题。
schema-page-summary = 一句话说明，显示在页面开头和链接预览中。
schema-page-draft = 写 true 时为草稿：只在预览和 `build --drafts` 中显示。

schema-course-title = 课程名称。
schema-course-summary = 课程简介：学什么，为什么学。
schema-course-audience = 课程面向谁，例如“村（社区）干部”。
schema-course-duration = 课程时长，例如“约 3 小时”。
schema-course-sessions = 按教学顺序排列的课时，每个课时讲一个案例。
schema-course-questions = 结课讨论题。
schema-course-draft = 写 true 时为草稿：只在预览和 `build --drafts` 中显示。

schema-session-case = 这个课时讲的案例：content/cases/ 下的文件夹名。
schema-session-focus = 这个课时的重点。
schema-session-questions = 这个课时的讨论题。

schema-site-title = 站点名称，每种语言一个，例如 zh: …、en: …
schema-site-description = 站点简介，每种语言一个。
schema-site-base-url = 站点发布后的网址，例如 https://example.org/；订阅源和开放数据中的链接用它。
schema-site-default-language = 默认语言的代码：languages 中的一个键。
schema-site-languages = 站点发布的语言：键是语言代码（用于文件名，如 index.en.md），值是名称和地区代码。
schema-site-theme = 使用的主题：themes/ 下的文件夹名。
schema-site-allow-html = 写 true 时，正文中可以直接写 HTML。
schema-site-feed-limit = 订阅源中最多列出的案例数。
schema-site-page-size = 案例库每页列出的案例数。
schema-site-photos = 照片的处理方式：宽度、质量和缓存位置。
schema-site-vocabularies = 站点的分类词表：每个键及其在各语言中的名称。

schema-site-photos-widths = 生成的照片宽度（像素），例如 [480, 960, 1600]。
schema-site-photos-quality = 照片压缩质量，1 到 100。
schema-site-photos-max-megapixels = 可接受的最大照片尺寸（百万像素）；更大的照片会被拒绝。
schema-site-photos-cache = 处理后照片的缓存文件夹，相对于站点根目录。

schema-language-name = 语言的名称，用它本身的文字写，例如“中文”“English”。
schema-language-locale = 语言和地区代码（BCP 47），例如 zh-CN、en。

schema-vocabulary-methods = 方法（如共谋、共建）：每个键在各语言中的名称。
schema-vocabulary-challenges = 案例解决的难题：每个键在各语言中的名称。
schema-vocabulary-kinds = 案例类型（如乡村、城市社区）：每个键在各语言中的名称。
schema-vocabulary-roles = 案例的角色（如试点）：每个键在各语言中的名称。
schema-vocabulary-provinces = 省份：每个键在各语言中的名称。
schema-vocabulary-changes = 案例带来的变化：每个键在各语言中的名称。

schema-case-illustrative-photos = 照片只是示意（替代图，不是本地改造前后的照片）时写 `true`：显示为“示意图片”，不标“改造前/改造后”，也没有对比滑块。
schema-photo-illustrative = 这一组照片只是示意时写 `true`：显示为“示意图片”，不标“改造前/改造后”，也没有对比滑块。
schema-uncertain = 本文件中存疑或经推断的名称和词句：页面上每次出现都会标出，并附上原因。
schema-uncertain-text = 存疑的词句，与正文的写法一字不差。
schema-uncertain-why = 为什么存疑，写给读者看：资料原文怎么说、哪些是推断。
schema-site-search = 网站搜索如何理解查询。
schema-site-search-synonyms = 意思相同的词，按语言代码分组：每组是一个列表，例如 zh: [[垃圾, 废弃物]]；搜索组中任一个词，也能找到其他词。
