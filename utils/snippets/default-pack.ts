// The default snippet library, written for Xiaoer: one or more replies for every
// stage of a conversation, in the polite 亲 style. After-sales replies follow
// 安抚 → 原因 → 解决 → 致歉 → 感谢; no reply refuses without offering something else.
// Variables and prompt fields are those of ./template (checked by the unit tests).
import type { BuiltinCategory } from './snippet';

export interface DefaultSnippet {
  id: string;
  title: string;
  body: string;
  category: BuiltinCategory;
  tags: string[];
  shortcut?: string;
}

export const DEFAULT_SNIPPETS: DefaultSnippet[] = [
  // 欢迎
  {
    id: 'welcome-first',
    title: '首次欢迎',
    category: '欢迎',
    tags: ['问候', '开场'],
    shortcut: 'hy',
    body: '亲，您好！欢迎光临{店铺}，我是客服{客服}，很高兴为您服务～请问有什么可以帮您？',
  },
  {
    id: 'welcome-back',
    title: '老顾客欢迎',
    category: '欢迎',
    tags: ['问候', '老顾客', '回头客'],
    shortcut: 'hyh',
    body: '{买家}亲，欢迎回来！感谢您一直以来对{店铺}的支持，这次有什么需要，我来帮您安排～',
  },
  {
    id: 'welcome-busy',
    title: '咨询排队请稍等',
    category: '欢迎',
    tags: ['排队', '高峰', '稍等'],
    shortcut: 'pd',
    body: '亲，您好！现在咨询的顾客比较多，回复可能会慢一点，请您稍等片刻，我会按顺序尽快回复您，感谢您的耐心～',
  },
  {
    id: 'welcome-offline',
    title: '非工作时间留言',
    category: '欢迎',
    tags: ['下班', '留言', '夜间'],
    shortcut: 'lx',
    body: '亲，您好！现在是{时间}，已经过了客服在线时间，您的留言我们都会看到，上班后第一时间回复您。着急的话可以先留下订单号和问题，我们优先处理～',
  },
  {
    id: 'welcome-agent',
    title: '报工号接待',
    category: '欢迎',
    tags: ['工号', '转接'],
    shortcut: 'gh',
    body: '亲，您好，我是{店铺}客服{客服}（工号{工号}），接下来由我为您服务，有任何问题都可以直接告诉我～',
  },

  // 咨询/沟通
  {
    id: 'consult-size',
    title: '尺码建议',
    category: '咨询/沟通',
    tags: ['尺码', '身高体重', '推荐'],
    shortcut: 'cm',
    body: '亲，麻烦告诉我您的身高、体重，以及平时喜欢穿宽松还是合身一点的，我帮您推荐最合适的尺码～',
  },
  {
    id: 'consult-size-between',
    title: '尺码在两码之间',
    category: '咨询/沟通',
    tags: ['尺码', '选码'],
    shortcut: 'cmj',
    body: '亲，您的情况刚好在两个尺码之间：喜欢宽松一点建议选大一码，喜欢合身就选小一码。收到后如果不合适也别担心，联系我帮您换～',
  },
  {
    id: 'consult-material',
    title: '材质说明',
    category: '咨询/沟通',
    tags: ['材质', '面料', '成分'],
    shortcut: 'cz',
    body: '亲，{商品}的材质是{输入:材质}，摸起来舒服、不容易起球。详情页“商品参数”里也有完整的成分标注，有其他想了解的随时问我～',
  },
  {
    id: 'consult-stock',
    title: '库存确认',
    category: '咨询/沟通',
    tags: ['库存', '有货', '现货'],
    shortcut: 'kc',
    body: '亲，帮您查过了，{商品}目前实际库存还有{实际库存}件，是现货～喜欢的话可以放心下单，拍下后我们尽快为您安排发货。',
  },
  {
    id: 'consult-stock-low',
    title: '库存紧张提醒',
    category: '咨询/沟通',
    tags: ['库存', '紧张', '补货'],
    shortcut: 'kcj',
    body: '亲，{商品}现在只剩{实际库存}件了，库存比较紧张，确定要的话建议早点下单；如果想要的颜色或尺码刚好卖完，我可以帮您登记到货提醒～',
  },
  {
    id: 'consult-ship-time',
    title: '发货时间',
    category: '咨询/沟通',
    tags: ['发货', '多久发', '时效'],
    shortcut: 'fhsj',
    body: '亲，现货订单一般在付款后{输入:发货时效=48小时}内发出，发出后物流信息会同步到订单里，您随时可以查看～',
  },
  {
    id: 'consult-wait',
    title: '稍等帮您查询',
    category: '咨询/沟通',
    tags: ['稍等', '查询'],
    shortcut: 'sd',
    body: '亲，请稍等一下，我这就帮您查询，马上回复您～',
  },
  {
    id: 'consult-usage',
    title: '使用与保养',
    category: '咨询/沟通',
    tags: ['使用', '保养', '清洗'],
    shortcut: 'by',
    body: '亲，{商品}建议{输入:使用或保养方法}，这样可以用得更久。使用中有任何问题随时找我～',
  },
  {
    id: 'consult-invoice',
    title: '开具发票',
    category: '咨询/沟通',
    tags: ['发票', '抬头', '税号'],
    shortcut: 'fp',
    body: '亲，可以开发票的～麻烦把发票抬头和税号发给我，我们会按订单实付金额为您开具电子发票，开好后会上传到订单里。',
  },
  {
    id: 'consult-not-sure',
    title: '需要确认后回复',
    category: '咨询/沟通',
    tags: ['确认', '回复'],
    shortcut: 'qr',
    body: '亲，这个问题我需要和同事确认一下，免得给您说错，{输入:回复时间=半小时}内给您准确答复，麻烦您稍等～',
  },

  // 议价
  {
    id: 'bargain-coupon',
    title: '不议价·推荐优惠券',
    category: '议价',
    tags: ['砍价', '便宜', '优惠券'],
    shortcut: 'yhq',
    body: '亲，非常理解您想更实惠一些～这款已经是活动价，价格这边不能再单独调整，不过店铺有优惠券可以领，下单时自动抵扣，我把领取方法发给您～',
  },
  {
    id: 'bargain-gift',
    title: '不议价·送小礼物',
    category: '议价',
    tags: ['砍价', '赠品', '礼物'],
    shortcut: 'zp',
    body: '亲，价格是全店统一的，不能单独改价，真的很抱歉～不过我可以帮您申请一份小礼物随包裹寄出，算是我们的一点心意，您看可以吗？',
  },
  {
    id: 'bargain-bundle',
    title: '多件优惠',
    category: '议价',
    tags: ['多件', '满减', '凑单'],
    shortcut: 'mj',
    body: '亲，单件的价格不能再调整了，不过店铺现在有满减活动，买得越多越划算，我帮您算一算怎么搭配最省～',
  },
  {
    id: 'bargain-price-protect',
    title: '价格保护',
    category: '议价',
    tags: ['降价', '保价', '差价'],
    shortcut: 'jb',
    body: '亲，您可以放心下单：付款后{输入:保价天数=7}天内如果本店同款降价，联系我就能为您申请退还差价～',
  },

  // 催付
  {
    id: 'pay-remind',
    title: '温和催付',
    category: '催付',
    tags: ['未付款', '催付'],
    shortcut: 'cf',
    body: '亲，看到您拍下了{商品}（订单号{订单号}）还没有付款哦～如果还有疑问可以随时问我，付款后我们会尽快为您安排发货。',
  },
  {
    id: 'pay-before-close',
    title: '关单前提醒',
    category: '催付',
    tags: ['未付款', '关闭', '提醒'],
    shortcut: 'gd',
    body: '亲，您的订单{订单号}还没有完成付款，系统会在{输入:关闭时间}自动关闭。如果还需要的话记得及时付款，库存不多了，怕您错过～',
  },
  {
    id: 'pay-problem',
    title: '付款遇到问题',
    category: '催付',
    tags: ['付款失败', '支付'],
    shortcut: 'zf',
    body: '亲，付款时是不是遇到了什么问题？把页面上的提示告诉我，我帮您一起看看怎么解决～',
  },

  // 核对地址
  {
    id: 'address-verify',
    title: '核对收货信息',
    category: '核对地址',
    tags: ['地址', '收货人', '电话', '核对'],
    shortcut: 'dz',
    body: '亲，和您核对一下收货信息：\n收货人：{收货人}\n收货地址：{收货地址}\n麻烦确认一下姓名、电话和地址是否正确；这单默认发{选择:快递:顺丰|中通|圆通|韵达}，您那边方便收吗？确认无误我们就为您安排发货～',
  },
  {
    id: 'address-cod',
    title: '货到付款提醒',
    category: '核对地址',
    tags: ['货到付款', '到付', 'COD'],
    shortcut: 'cod',
    body: '亲，您这单是货到付款，收货时需要支付{输入:到付金额}元（其中货到付款服务费{输入:服务费=0}元），麻烦提前准备好；签收前可以先验货哦，有问题随时找我～',
  },
  {
    id: 'address-courier',
    title: '确认快递',
    category: '核对地址',
    tags: ['快递', '指定快递'],
    shortcut: 'kd',
    body: '亲，这单给您发{选择:顺丰|中通|圆通|韵达}，一般{输入:预计天数=2-3}天送达，您那边能正常收这家快递吗？不方便的话告诉我，我帮您换一家～',
  },
  {
    id: 'address-change',
    title: '修改地址',
    category: '核对地址',
    tags: ['改地址', '修改'],
    shortcut: 'gdz',
    body: '亲，收到～地址可以修改的，麻烦把新的收货人、电话和详细地址发给我，我帮您改好后再跟您确认一遍。',
  },
  {
    id: 'address-change-shipped',
    title: '已发货改地址',
    category: '核对地址',
    tags: ['改地址', '已发货', '改派'],
    shortcut: 'gp',
    body: '亲，非常抱歉，这单已经发出了，地址不能直接在订单里修改。我马上联系{快递}帮您申请改派到新地址，有结果第一时间告诉您～',
  },

  // 物流/发货
  {
    id: 'ship-done',
    title: '已发货通知',
    category: '物流/发货',
    tags: ['发货', '已发出'],
    shortcut: 'yf',
    body: '亲，您的订单{订单号}今天（{日期}）已经发货啦，快递是{快递}，请留意查收～',
  },
  {
    id: 'ship-tracking',
    title: '物流查询',
    category: '物流/发货',
    tags: ['物流', '到哪了', '查询'],
    shortcut: 'wl',
    body: '亲，帮您查了一下，订单{订单号}的{快递}物流目前显示：{输入:物流状态}。有新进展我会及时告诉您～',
  },
  {
    id: 'ship-delay',
    title: '发货延迟致歉',
    category: '物流/发货',
    tags: ['延迟', '晚发', '道歉'],
    shortcut: 'yc',
    body: '亲，真的非常抱歉！因为{输入:延迟原因}，您的订单要晚一点发出，预计{输入:预计发货时间}前发货。耽误您的时间了，发出后我第一时间通知您，谢谢您的理解～',
  },
  {
    id: 'ship-stuck',
    title: '物流停滞',
    category: '物流/发货',
    tags: ['物流不动', '停滞', '催件'],
    shortcut: 'bd',
    body: '亲，让您久等了，真的很抱歉！看到包裹的物流有一段时间没更新，我这边已经联系{快递}核实，有结果马上告诉您，我们会一直跟进到您收到为止～',
  },
  {
    id: 'ship-delivery',
    title: '派送签收提醒',
    category: '物流/发货',
    tags: ['派送', '签收', '验货'],
    shortcut: 'qs',
    body: '亲，您的包裹今天在派送中，签收时麻烦先看一下外包装，如果有破损可以拍照后再签收，方便我们第一时间为您处理～',
  },

  // 售后：安抚 → 原因 → 解决 → 致歉 → 感谢
  {
    id: 'after-damaged',
    title: '商品破损',
    category: '售后',
    tags: ['破损', '坏了', '补发'],
    shortcut: 'ps',
    body: '亲，收到破损的商品一定很扫兴，先别着急，我来帮您处理。应该是运输途中受到了挤压，麻烦您拍几张破损处和外包装的照片发给我，我们马上为您补发或退款，您选哪种都可以。给您添麻烦了，非常抱歉，谢谢您的耐心配合！',
  },
  {
    id: 'after-exchange-size',
    title: '尺码不合适换货',
    category: '售后',
    tags: ['换货', '尺码', '不合适'],
    shortcut: 'hh',
    body: '亲，别担心，尺码不合适我们帮您换～这款版型确实偏{选择:大|小}一些，是我们没提前提醒到位。您在订单里申请换货，寄回时附上写有订单号和想换尺码的纸条，我们收到后当天寄出新的。给您添麻烦了，真的很抱歉，感谢您的理解！',
  },
  {
    id: 'after-refund',
    title: '退款流程',
    category: '售后',
    tags: ['退款', '流程', '申请'],
    shortcut: 'tk',
    body: '亲，理解您的想法，退款这边马上为您安排：\n1. 在订单{订单号}里点“申请退款”，选择退款原因；\n2. 退款金额填写{输入:退款金额}元；\n3. 提交后我们会尽快审核，款项原路退回。\n这次没让您满意，非常抱歉，也谢谢您给我们的反馈！',
  },
  {
    id: 'after-late-compensation',
    title: '超时发货补偿',
    category: '售后',
    tags: ['超时', '补偿', '晚到'],
    shortcut: 'bc',
    body: '亲，让您等了这么久，换作是我也会着急。这次是我们发货安排不周，耽误您使用了。为了表达歉意，我们为您申请了{输入:补偿内容=一张无门槛优惠券}，您看可以吗？再次向您道歉，谢谢您的包容～',
  },
  {
    id: 'after-wrong-item',
    title: '发错货',
    category: '售后',
    tags: ['发错', '错发', '补发'],
    shortcut: 'fc',
    body: '亲，先别着急，这个问题我们一定负责到底。是仓库发货时拿错了，是我们的失误。我们马上为您补发正确的{商品}，错发的那件麻烦用到付寄回就好，您不用承担任何费用。给您添麻烦了，非常抱歉，谢谢您的理解！',
  },
  {
    id: 'after-quality',
    title: '质量问题',
    category: '售后',
    tags: ['质量', '瑕疵', '换新'],
    shortcut: 'zl',
    body: '亲，遇到这样的问题真的很抱歉，您先别着急。麻烦拍一下问题部位的照片或视频发给我，我们核实具体原因后为您换新或退款，来回运费都由我们承担。感谢您及时告诉我们！',
  },
  {
    id: 'after-return-address',
    title: '退货寄回说明',
    category: '售后',
    tags: ['退货', '寄回', '地址'],
    shortcut: 'th',
    body: '亲，退货请寄到：{输入:退货地址}\n包裹里放一张写有订单号{订单号}的纸条，寄出后把快递单号发给我，我们收到后会尽快为您处理，辛苦您了～',
  },

  // 欢送/好评
  {
    id: 'farewell-thanks',
    title: '感谢光临',
    category: '欢送/好评',
    tags: ['感谢', '结束'],
    shortcut: 'xx',
    body: '亲，感谢您的支持！之后有任何问题随时来找我，祝您生活愉快～',
  },
  {
    id: 'farewell-review',
    title: '邀请评价',
    category: '欢送/好评',
    tags: ['评价', '好评', '晒单'],
    shortcut: 'hp',
    body: '亲，东西用得还满意吗？方便的话欢迎分享一下使用感受，您的评价对其他顾客很有参考价值；如果有哪里不满意，也请先告诉我，我们一定尽力解决～',
  },
  {
    id: 'farewell-received',
    title: '签收后回访',
    category: '欢送/好评',
    tags: ['签收', '回访'],
    shortcut: 'hf',
    body: '亲，看到包裹已经签收啦，收到的{商品}还满意吗？使用中有任何问题随时联系我，我们都会负责到底～',
  },
  {
    id: 'farewell-close',
    title: '结束语',
    category: '欢送/好评',
    tags: ['结束', '再见'],
    shortcut: 'zj',
    body: '亲，如果暂时没有其他问题，这次咨询就先到这里啦～我是客服{客服}，后续有需要随时来找我，祝您购物愉快！',
  },
];
